using System.Diagnostics;

namespace Incidents.Api.Telemetry;

/// <summary>The service's own spans: commands, decisions, and the background work that follows them.</summary>
public static class IncidentsTracing
{
    public const string Name = "Incidents.Api";

    /// <summary>Activity sources are process-wide registrations by design; this one holds no state of its own.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Starts a span for work caused by an earlier one (an event's or a timer's stored trace parent), in the same trace.</summary>
    public static Activity? StartFollowing(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}
