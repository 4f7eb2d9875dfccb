-- The event store. See docs/event-store.md for why the feed is ordered by (transaction_id, position).

create table streams (
    stream_id  text primary key,
    version    bigint not null check (version > 0),
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table events (
    position       bigint generated always as identity primary key,
    -- The appending transaction's id. Feed readers take only rows older than their snapshot's xmin, so a slow
    -- transaction that drew a lower position is never skipped.
    transaction_id xid8 not null default pg_current_xact_id(),
    stream_id      text not null,
    stream_version bigint not null check (stream_version > 0),
    type           text not null,
    schema_version int not null,
    data           jsonb not null,
    metadata       jsonb not null,
    recorded_at    timestamptz not null,
    constraint events_stream_version_unique unique (stream_id, stream_version)
);

create index events_feed_order on events (transaction_id, position);

-- Appends events to one stream if, and only if, the stream is at p_expected (0: must not exist yet).
-- The version is checked (and the stream row locked) before any position is drawn, so a losing writer
-- leaves no gap behind. A stale version raises SQLSTATE IE409 and the caller's transaction rolls back.
create function append_events(
    p_stream_id       text,
    p_expected        bigint,
    p_types           text[],
    p_schema_versions int[],
    p_data            jsonb[],
    p_metadata        jsonb,
    p_recorded_at     timestamptz)
returns table (event_position bigint, event_transaction_id xid8, event_stream_version bigint)
language plpgsql
as $$
declare
    v_count int := coalesce(cardinality(p_types), 0);
begin
    if v_count = 0 then
        raise exception 'append_events needs at least one event' using errcode = '22023';
    end if;

    if p_expected = 0 then
        insert into streams as s (stream_id, version, created_at, updated_at)
        values (p_stream_id, v_count, p_recorded_at, p_recorded_at)
        on conflict (stream_id) do nothing;
    else
        update streams as s
           set version = s.version + v_count, updated_at = p_recorded_at
         where s.stream_id = p_stream_id and s.version = p_expected;
    end if;

    if not found then
        raise exception 'stream % is not at version %', p_stream_id, p_expected using errcode = 'IE409';
    end if;

    return query
        insert into events as e (stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
        select p_stream_id, p_expected + t.ord, t.type, t.schema_version, t.data, p_metadata, p_recorded_at
          from unnest(p_types, p_schema_versions, p_data) with ordinality as t(type, schema_version, data, ord)
         order by t.ord
        returning e.position, e.transaction_id, e.stream_version;
end;
$$;
