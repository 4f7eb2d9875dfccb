-- The incident list: one row per incident, written inline in the same transaction as the incident's events.
create table incident_summaries (
    incident_id                  uuid primary key,
    version                      bigint not null,
    kind                         text not null,
    platform                     text not null,
    account_handle               text not null,
    account_url                  text,
    status                       text not null,
    department                   text,
    assignee                     text,
    reported_by                  text not null,
    reported_at                  timestamptz not null,
    current_step                 text,
    next_due_at                  timestamptz,
    escalation_level             int not null,
    open_steps                   int not null,
    statements_awaiting_approval int not null,
    updated_at                   timestamptz not null,
    closed_at                    timestamptz
);

create index incident_summaries_reported_at on incident_summaries (reported_at desc, incident_id);
create index incident_summaries_next_due on incident_summaries (next_due_at) where status <> 'closed';
create index incident_summaries_kind_status on incident_summaries (kind, status);
