using Incidents.Api.Notifications;
using Incidents.EventStore.Postgres.Signals;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Api.Tests.Support;

/// <summary>Moves the test clock and wakes the node's workers, as a NOTIFY would, so a wake-up that raced the clock is not lost.</summary>
public static class Wake
{
    public static void Timers(ApiFactory node) => node.Services.GetRequiredService<SignalHub>().Raise(SignalChannels.Timers);

    public static void Outbox(ApiFactory node) => node.Services.GetRequiredService<SignalHub>().Raise(NotificationSignals.Outbox);

    public static void AdvanceAndWakeTimers(this ApiFactory node, ManualTimeProvider clock, TimeSpan by)
    {
        clock.Advance(by);
        Timers(node);
    }
}
