using System.Diagnostics;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres.Feed;

namespace Incidents.Projections.Runner;

/// <summary>
/// The projection runner's spans (activity source "Incidents.Projections"): one per batch. A batch of one incident's
/// events continues the trace of the command that appended them (the trace parent stored with each event); a batch of
/// several incidents starts a trace of its own, linked to each command's trace.
/// </summary>
public static class ProjectionTracing
{
    public const string Name = "Incidents.Projections";

    /// <summary>Activity sources are process-wide registrations by design; this one holds no state of its own.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Enough to follow a batch back to its commands without making a rebuild batch's span enormous.</summary>
    private const int MaxLinks = 32;

    /// <summary>Starts the batch's span and makes it current, so the batch's statements are its children.</summary>
    public static Activity? StartBatch(string projection, FeedPage page, bool rebuild)
    {
        if (!Source.HasListeners() || page.Events.Count == 0)
        {
            return null;
        }

        var parents = new List<ActivityContext>();
        foreach (var traceParent in page.Events.Select(e => e.Metadata.TraceParent).Distinct(StringComparer.Ordinal))
        {
            if (ActivityContext.TryParse(traceParent, null, out var context))
            {
                parents.Add(context);
            }
        }

        var streams = page.Events.Select(e => e.StreamId).Distinct(StringComparer.Ordinal).ToList();
        var oneIncident = streams.Count == 1 && IncidentId.TryParseStreamId(streams[0], out var incident) ? incident : (IncidentId?)null;
        var parent = oneIncident is not null && parents.Count > 0 ? parents[0] : default;
        var links = parents.Where(p => p != parent).Take(MaxLinks).Select(p => new ActivityLink(p)).ToList();

        // A batch is never the child of whatever this thread ran before; without a parent of its own it starts a trace.
        Activity.Current = null;
        var span = Source.StartActivity("project " + projection, ActivityKind.Internal, parent, links: links);
        span?.SetTag("incidents.projection", projection);
        span?.SetTag("incidents.projection.rebuild", rebuild);
        span?.SetTag("incidents.events", page.Events.Count);
        span?.SetTag("incidents.feed.first", page.Events[0].FeedPosition.ToString());
        span?.SetTag("incidents.feed.last", page.Last.ToString());
        if (oneIncident is { } id)
        {
            span?.SetTag("incident.id", id.ToString());
            span?.SetTag("incident.kind", page.Events.Select(e => e.Data).OfType<IncidentReported>().Select(r => WireName.Of(r.Kind)).FirstOrDefault());
        }

        return span;
    }
}
