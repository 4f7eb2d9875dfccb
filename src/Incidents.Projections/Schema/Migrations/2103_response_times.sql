-- When each incident reached the milestones the officers measure: reported to the CISO, takedown requested, first
-- public statement published, closed. Medians and 90th percentiles per kind and month are computed when read.
create table response_times (
    incident_id           uuid primary key,
    kind                  text not null,
    reported_at           timestamptz not null,
    reported_to_ciso_at   timestamptz,
    takedown_requested_at timestamptz,
    first_statement_at    timestamptz,
    closed_at             timestamptz
);

create index response_times_reported on response_times (reported_at);
