using Incidents.EventStore.Postgres.Signals;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.EventStore.Postgres.Timers;

/// <summary>Schedules and cancels timers inside a unit of work, so they commit or roll back with its events.</summary>
public static class TimerWrites
{
    public static void Schedule(this UnitOfWork unit, ScheduledMessage message, DateTimeOffset now)
    {
        unit.Add(new NpgsqlBatchCommand("""
            insert into timers (key, stream_id, group_key, due_at, message_type, payload, created_at, trace_parent)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (key) do nothing
            """)
        {
            Parameters =
            {
                new() { Value = message.Key },
                new() { Value = message.StreamId },
                new() { Value = message.Group },
                new() { Value = message.DueAt },
                new() { Value = message.MessageType },
                new() { Value = message.PayloadJson, NpgsqlDbType = NpgsqlDbType.Jsonb },
                new() { Value = now },
                new() { Value = (object?)message.TraceParent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            },
        });
        unit.SignalAfterCommit(SignalChannels.Timers);
    }

    public static void CancelGroup(this UnitOfWork unit, string group) =>
        unit.Add(new NpgsqlBatchCommand("delete from timers where group_key = $1") { Parameters = { new() { Value = group } } });

    public static void CancelStream(this UnitOfWork unit, string streamId) =>
        unit.Add(new NpgsqlBatchCommand("delete from timers where stream_id = $1") { Parameters = { new() { Value = streamId } } });
}
