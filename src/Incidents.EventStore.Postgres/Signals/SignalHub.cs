using System.Collections.Concurrent;

namespace Incidents.EventStore.Postgres.Signals;

/// <summary>In-process fan-out of wake-ups: local publishers and the PostgreSQL listener raise, workers subscribe.</summary>
public sealed class SignalHub
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<AsyncSignal>> _subscribers = new(StringComparer.Ordinal);

    public AsyncSignal Subscribe(string channel)
    {
        var signal = new AsyncSignal();
        _subscribers.GetOrAdd(channel, _ => []).Add(signal);
        return signal;
    }

    /// <summary>One wake-up for several channels, so a worker that must react to any of them waits on one signal.</summary>
    public AsyncSignal Subscribe(IReadOnlyCollection<string> channels)
    {
        var signal = new AsyncSignal();
        foreach (var channel in channels)
        {
            _subscribers.GetOrAdd(channel, _ => []).Add(signal);
        }

        return signal;
    }

    public IEnumerable<string> Channels => _subscribers.Keys;

    public void Raise(string channel)
    {
        if (_subscribers.TryGetValue(channel, out var signals))
        {
            foreach (var signal in signals)
            {
                signal.Set();
            }
        }
    }
}
