-- Notifications waiting to be delivered, one row per (notification, destination). Rows are written in the same
-- transaction as the events that cause them and delivered after commit by a dispatcher that leases due rows with
-- FOR UPDATE SKIP LOCKED. A lease moves next_attempt_at to the lease's end and stamps lease_token: a node that dies
-- while delivering simply lets the lease run out, and the row comes due again (delivery is at least once; receivers
-- deduplicate by id).
create table outbox (
    id              uuid primary key,
    notification_id uuid not null,
    stream_id       text not null,
    type            text not null,
    subject         text not null,
    payload         jsonb not null,
    channel         text not null check (channel in ('webhook', 'email')),
    destination     text not null,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        int not null default 0,
    last_error      text,
    lease_token     uuid,
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    constraint outbox_destination_unique unique (notification_id, channel, destination)
);

create index outbox_due on outbox (next_attempt_at) where delivered_at is null and abandoned_at is null;
create index outbox_stream on outbox (stream_id);
