-- Durable scheduled messages. Written in the same transaction as the events that schedule them; claimed
-- with FOR UPDATE SKIP LOCKED and deleted in the transaction that runs them.
create table timers (
    key          text primary key,
    stream_id    text not null,
    group_key    text not null,
    due_at       timestamptz not null,
    message_type text not null,
    payload      jsonb not null,
    created_at   timestamptz not null,
    attempts     int not null default 0,
    last_error   text
);

create index timers_due on timers (due_at);
create index timers_group on timers (group_key);
create index timers_stream on timers (stream_id);
