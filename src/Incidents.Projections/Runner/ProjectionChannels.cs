namespace Incidents.Projections.Runner;

/// <summary>NOTIFY channels of the projections, alongside the event store's own (SignalChannels).</summary>
public static class ProjectionChannels
{
    /// <summary>Raised after a projection committed a batch (or stopped): dashboards on every node refresh.</summary>
    public const string Updated = "incidents_projections";

    /// <summary>Raised when a rebuild or a resume is requested, so the leader of that projection looks at once.</summary>
    public const string Control = "incidents_projection_control";
}
