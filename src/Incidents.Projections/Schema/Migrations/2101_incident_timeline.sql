-- The per-incident timeline: every event as a mark in time, and every opening of a step with its deadline and
-- escalations, so the dashboard can draw deadlines as bands. Written by the asynchronous incident-timeline projection.
create table timeline_events (
    incident_id      uuid not null,
    stream_version   bigint not null,
    position         bigint not null,
    type             text not null,
    occurred_at      timestamptz not null,
    actor_id         text not null,
    actor_role       text not null,
    step_key         text,
    statement_id     uuid,
    escalation_level int,
    notified_role    text,
    primary key (incident_id, stream_version)
);

create table timeline_steps (
    incident_id       uuid not null,
    step_key          text not null,
    generation        int not null,
    status            text not null,
    opened_at         timestamptz not null,
    due_at            timestamptz not null,
    finished_at       timestamptz,
    finished_by       text,
    escalations       int not null,
    escalation_level  int not null,
    last_escalated_at timestamptz,
    assignee          text,
    primary key (incident_id, step_key, generation)
);
