using Incidents.Api.Http;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class DraftStatementEndpoint
{
    /// <summary>A client may choose the statement id, so that a retried draft does not create a second one.</summary>
    public sealed record Body(
        StatementKind Kind, IReadOnlyList<StatementChannel> Channels, string Text, string? LinkUrl = null, Guid? Corrects = null, Guid? StatementId = null)
        : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Count(Channels, "channels", 1, Enum.GetValues<StatementChannel>().Length)
            .Text(Text, "text", Limits.StatementText)
            .Url(LinkUrl, "linkUrl", required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/draft-statement", (body, _) => new DraftStatement(
                body.StatementId ?? Guid.CreateVersion7(), body.Kind, body.Channels.Distinct().ToList(), body.Text, body.LinkUrl, body.Corrects))
            .WithSummary("Draft a public statement; another person with authority must approve it before it is published.");
}
