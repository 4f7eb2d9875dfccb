namespace Incidents.Projections.Timeline;

/// <summary>What the timeline read model holds for one incident: its events as marks, and every step opening.</summary>
public sealed record IncidentTimeline(IReadOnlyList<TimelineMark> Marks, IReadOnlyList<TimelineStepRow> Steps);
