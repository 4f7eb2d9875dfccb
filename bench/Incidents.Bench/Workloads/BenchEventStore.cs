using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Incidents.Bench.Workloads;

/// <summary>
/// The event store as the service builds it (serializer, retry, the post-commit NOTIFY publisher running), on the
/// scenario's pool, without the rest of the service.
/// </summary>
public sealed class BenchEventStore : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _publishing;

    public BenchEventStore(NpgsqlDataSource dataSource)
    {
        Serializer = new EventSerializer(new EventTypeRegistry().Register(IncidentEventTypes.ByWireName, IncidentEventTypes.SchemaVersion));
        var publisher = new ChangePublisher(dataSource, new SignalHub(), NullLogger<ChangePublisher>.Instance);
        Store = new PostgresEventStore(dataSource, Serializer, TimeProvider.System, publisher, new TransientFaultRetry(TimeProvider.System));
        _publishing = Task.Run(() => publisher.RunAsync(TimeProvider.System, _stop.Token));
    }

    public EventSerializer Serializer { get; }

    public PostgresEventStore Store { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _publishing;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
