using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class RecordDeletedPostsEndpoint
{
    public sealed record Body(IReadOnlyList<string> PostUrls, string? Note = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Urls(PostUrls, "postUrls", Limits.Urls, requireOne: true)
            .Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/record-deleted-posts", (body, _) => new RecordPostsDeleted(body.PostUrls, body.Note))
            .WithSummary("Record posts deleted from our account (unauthorised ones, or our wrong post).");
}
