using Incidents.Api.Http;
using Incidents.Api.Pipeline;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class ReportIncidentEndpoint
{
    public sealed record Body(
        IncidentKind Kind,
        Platform Platform,
        string AccountHandle,
        string WhatWasSeen,
        string? AccountUrl = null,
        IReadOnlyList<string>? EvidenceUrls = null,
        DateTimeOffset? DiscoveredAt = null,
        string? Department = null,
        string? ReporterContact = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Text(AccountHandle, "accountHandle", 200)
            .Url(AccountUrl, "accountUrl", required: false)
            .Text(WhatWasSeen, "whatWasSeen", 4000)
            .Urls(EvidenceUrls, "evidenceUrls", 20)
            .Text(Department, "department", Limits.Name, required: false)
            .Text(ReporterContact, "reporterContact", 200, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapPost("/", async (HttpContext http, CancellationToken cancellationToken) =>
            {
                var body = await JsonBodyReader.ReadAsync<Body>(http.Request, cancellationToken);
                var id = IncidentId.New();
                var command = new ReportIncident(
                    id.Value, body.Kind, body.Platform, body.AccountHandle.Trim(), body.AccountUrl, body.WhatWasSeen,
                    body.EvidenceUrls ?? [], body.DiscoveredAt, body.Department, body.ReporterContact);
                return await CommandExecution.RunAsync(http, id, command, ExpectedIncidentVersion.Any, creates: true, cancellationToken);
            })
            .Accepts<Body>("application/json")
            .WithCommandResponses()
            .Produces(StatusCodes.Status201Created)
            .WithSummary("Report an incident. Honours Idempotency-Key: a replay returns the first answer.");
}
