using Incidents.Api.Http;
using Incidents.Api.Incidents.Reading;
using Incidents.EventStore.Postgres;

namespace Incidents.Api.Accounts.Reading;

public static class GetAccountTimelineEndpoint
{
    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapGet("/{id}/timeline", async (HttpContext http, string id, PostgresEventStore store, CancellationToken cancellationToken) =>
            {
                var events = await store.ReadStreamAsync(AccountRoute.ParseId(id).StreamId, 0, cancellationToken);
                if (events.Count == 0)
                {
                    throw Problems.NotFound("account-not-found", "No official account has this id.");
                }

                var entries = ListPaging.Apply(http, events).Select(e => new TimelineEntry(
                    e.Position, e.StreamVersion, e.Type, e.RecordedAt, e.Metadata.ActorId, e.Metadata.ActorRole, e.Metadata.CorrelationId, e.Data));
                return Results.Json(new { items = entries }, HttpJson.Options);
            })
            .Produces<TimelineEntry[]>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every event of the account in order: who opened, changed, listed and closed it, and when.");
}
