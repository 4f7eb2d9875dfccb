-- ASP.NET Core data-protection keys (they sign dashboard session cookies and anti-forgery tokens), shared by every
-- node so a session started on one node is valid on all of them.
create table data_protection_keys (
    friendly_name text primary key,
    xml           text not null,
    created_at    timestamptz not null default now()
);
