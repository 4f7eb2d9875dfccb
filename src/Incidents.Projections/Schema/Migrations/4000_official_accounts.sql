-- The registry of official accounts that the CISO keeps and publishes (000 §6(3), §7): one row per account, written
-- inline in the same transaction as the account's events.
create table official_accounts (
    account_id            uuid primary key,
    version               bigint not null,
    platform              text not null,
    handle                text not null,
    handle_key            text not null,
    display_name          text not null,
    url                   text not null,
    department            text not null,
    purpose               text not null,
    content               text not null,
    posting_schedule      text not null,
    reply_policy          text not null,
    operation_period      text,
    homepage_url          text,
    approved_by           text not null,
    status                text not null,
    listed                boolean not null,
    verified              boolean not null,
    opened_at             timestamptz not null,
    listed_at             timestamptz,
    abolition_reason      text,
    abolition_notified_at timestamptz,
    planned_closing_at    timestamptz,
    closed_at             timestamptz,
    closed_immediately    boolean not null,
    updated_at            timestamptz not null
);

create index official_accounts_listed on official_accounts (department, platform) where listed;

-- Every handle each account has used, by its canonical key. A handle is ours while retired_at is null; afterwards
-- (the account was renamed or closed) it is "formerly official", which is what tells a later impersonator from us.
-- At most one account holds a handle at a time.
create table official_account_handles (
    platform    text not null,
    handle_key  text not null,
    account_id  uuid not null,
    handle      text not null,
    url         text not null,
    since       timestamptz not null,
    retired_at  timestamptz,
    primary key (platform, handle_key, account_id)
);

create unique index official_account_handles_current on official_account_handles (platform, handle_key) where retired_at is null;
