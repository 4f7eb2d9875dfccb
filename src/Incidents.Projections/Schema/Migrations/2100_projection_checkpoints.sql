-- Where each asynchronous projection stands in the global feed. The checkpoint is the pair (transaction_id, position)
-- of the last event applied (see EventFeed), moved by compare-and-set in the same transaction as the projection's
-- writes. A projection that meets an event it cannot handle stops here as 'faulted' with the event and the reason.
create table projection_checkpoints (
    name                   text primary key,
    transaction_id         xid8 not null,
    position               bigint not null,
    status                 text not null check (status in ('running', 'faulted')),
    error                  text,
    fault_transaction_id   xid8,
    fault_position         bigint,
    fault_event_type       text,
    events_applied         bigint not null default 0,
    last_event_recorded_at timestamptz,
    updated_at             timestamptz not null
);

-- A rebuild from position zero into shadow tables, requested by an officer and run by the projection's leader.
-- Its own cursor moves with each shadow batch, so a leader that takes over continues where the last one stopped.
create table projection_rebuilds (
    name             text primary key,
    status           text not null check (status in ('requested', 'running', 'completed', 'failed')),
    requested_by     text not null,
    requested_at     timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    transaction_id   xid8 not null default '0',
    position         bigint not null default 0,
    events_total     bigint,
    events_processed bigint not null default 0,
    error            text
);

-- Shadow tables of rebuilds live here, under the same names as the live tables they replace.
create schema if not exists projection_rebuild;
