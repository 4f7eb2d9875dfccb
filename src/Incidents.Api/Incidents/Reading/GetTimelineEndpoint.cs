using Incidents.Api.Access;
using Incidents.Api.Http;
using Incidents.Api.Incidents.Views;
using Incidents.EventStore.Postgres;

namespace Incidents.Api.Incidents.Reading;

public static class GetTimelineEndpoint
{
    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapGet("/{id}/timeline", async (HttpContext http, string id, PostgresEventStore store, CancellationToken cancellationToken) =>
            {
                var events = await store.ReadStreamAsync(IncidentRoute.ParseId(id).StreamId, 0, cancellationToken);
                if (events.Count == 0)
                {
                    throw Problems.NotFound("incident-not-found", "No incident has this id.");
                }

                var seesContacts = Actors.HasAny(http.User, IncidentViews.ContactReaders);
                var entries = ListPaging.Apply(http, events).Select(e => new TimelineEntry(
                    e.Position, e.StreamVersion, e.Type, e.RecordedAt, e.Metadata.ActorId, e.Metadata.ActorRole,
                    e.Metadata.CorrelationId, seesContacts ? e.Data : TimelinePersonalData.Without(e.Data)));
                return Results.Json(new { items = entries }, HttpJson.Options);
            })
            .Produces<TimelineEntry[]>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every event of the incident in order, with who, in which role, and when. Paged (pageSize at most 100).");
}
