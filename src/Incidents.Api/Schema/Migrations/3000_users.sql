-- People and programs that use the service. Tokens are stored only as SHA-256 hashes.
create table users (
    id          uuid primary key,
    name        text not null unique,
    roles       text[] not null check (cardinality(roles) > 0),
    email       text,
    created_at  timestamptz not null,
    disabled_at timestamptz
);

create table api_tokens (
    id           uuid primary key,
    user_id      uuid not null references users (id),
    token_hash   bytea not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    revoked_at   timestamptz
);

create index api_tokens_user on api_tokens (user_id);
