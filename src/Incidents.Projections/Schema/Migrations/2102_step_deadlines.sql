-- The overdue queue: the latest opening of every step with its deadline. Whether a step is overdue depends on the
-- clock, so it is decided when the queue is read, never stored.
create table step_deadlines (
    incident_id      uuid not null,
    step_key         text not null,
    generation       int not null,
    status           text not null,
    opened_at        timestamptz not null,
    due_at           timestamptz not null,
    escalations      int not null,
    escalation_level int not null,
    assignee         text,
    incident_closed  boolean not null,
    primary key (incident_id, step_key)
);

create index step_deadlines_open_due on step_deadlines (due_at) where status = 'open' and not incident_closed;
