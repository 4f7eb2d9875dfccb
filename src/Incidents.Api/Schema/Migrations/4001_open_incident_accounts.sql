-- The accounts that have an open incident, by kind: a new report of one of them joins that incident instead of
-- opening a second. Rows are written in the same batch as the incident's events, and the primary key is what makes
-- concurrent first reports of one account race-free: all but one fail and join the winner.
create table open_incident_accounts (
    kind        text not null,
    platform    text not null,
    handle_key  text not null,
    incident_id uuid not null,
    constraint open_incident_accounts_pkey primary key (kind, platform, handle_key)
);

create index open_incident_accounts_incident on open_incident_accounts (incident_id);

-- Incidents reported before this table existed, with their handles canonicalised as closely as SQL can; the oldest
-- open incident of an account keeps it.
insert into open_incident_accounts (kind, platform, handle_key, incident_id)
select kind, platform, lower(regexp_replace(btrim(account_handle), '^[@＠]+', '')), incident_id
  from incident_summaries
 where status <> 'closed'
 order by reported_at
    on conflict do nothing;
