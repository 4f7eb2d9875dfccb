-- The first answer to a request that carried an Idempotency-Key, written in the same transaction as its events.
create table idempotency_keys (
    principal      text not null,
    key            text not null,
    request_hash   text not null,
    status_code    int not null,
    body           text not null,
    location       text,
    etag           text,
    created_at     timestamptz not null,
    constraint idempotency_keys_pkey primary key (principal, key)
);

create index idempotency_keys_created on idempotency_keys (created_at);
