-- After restoring a logical dump (pg_restore) into another PostgreSQL cluster, and before starting the service:
--   psql "host=… dbname=incidents user=…" -f deploy/advance-transaction-ids.sql
-- The event feed orders events by the id of the transaction that appended them (docs/event-store.md). A new cluster's
-- transaction counter starts near zero, far below the ids stored with the restored events, so it must be moved past
-- them, one small committed transaction at a time (about 250,000 per second). Run it outside a transaction block; the
-- service's readiness check "event-feed" says whether it is still needed.
create or replace procedure incidents_advance_transaction_ids()
language plpgsql
as $$
declare
    target xid8 := (select max(transaction_id) from events);
begin
    while target is not null and pg_snapshot_xmax(pg_current_snapshot()) <= target loop
        perform pg_current_xact_id();
        commit;
    end loop;
end
$$;

call incidents_advance_transaction_ids();

drop procedure incidents_advance_transaction_ids();
