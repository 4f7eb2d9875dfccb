using Incidents.Projections.Checkpoints;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Status;

namespace Incidents.Api.Projections;

/// <summary>A projection's status as the API and the health detail show it: checkpoint as "transactionId:position", lag in seconds.</summary>
public sealed record ProjectionStatusView(
    string Name,
    string Mode,
    string Status,
    string? Checkpoint,
    long EventsApplied,
    double LagSeconds,
    long? PendingEvents,
    ProjectionStatusView.FaultView? Fault,
    DateTimeOffset? UpdatedAt,
    bool LeaderHere,
    ProjectionStatusView.RebuildView? Rebuild)
{
    public static ProjectionStatusView From(ProjectionStatus s) => new(
        s.Name,
        s.Inline ? "inline" : "async",
        s.Status == CheckpointStatus.Faulted ? "faulted" : "running",
        s.Checkpoint?.ToString(),
        s.EventsApplied,
        Math.Round(s.Lag.TotalSeconds, 3),
        s.PendingEvents,
        s.Fault is { } f ? new FaultView(f.Position.ToString(), f.EventType, f.Reason) : null,
        s.UpdatedAt,
        s.LeaderHere,
        s.Rebuild is { } r
            ? new RebuildView(
                r.Status.ToString().ToLowerInvariant(), r.RequestedAt, r.StartedAt, r.FinishedAt, r.EventsProcessed, r.EventsTotal, r.Error)
            : null);

    public sealed record FaultView(string Position, string EventType, string Reason);

    public sealed record RebuildView(
        string Status, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long EventsProcessed,
        long? EventsTotal, string? Error);
}
