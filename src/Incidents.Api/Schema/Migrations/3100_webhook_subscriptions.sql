-- Outgoing webhooks that administrators subscribe. The secret is the HMAC-SHA256 key the service signs deliveries
-- with, so it must be stored readable; it is shown once, in the answer to the request that created it.
create table webhook_subscriptions (
    id          uuid primary key,
    url         text not null,
    description text,
    event_types text[],
    secret      text not null,
    created_by  text not null,
    created_at  timestamptz not null,
    disabled_by text,
    disabled_at timestamptz
);
