using Incidents.Api.Accounts;
using Incidents.Api.Http;
using Incidents.Api.Incidents.Reporting;
using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class ReportIncidentEndpoint
{
    /// <summary><paramref name="GenuineAccount"/>: for an impersonation, the handle or profile URL of our account it imitates.</summary>
    public sealed record Body(
        IncidentKind Kind,
        Platform Platform,
        string AccountHandle,
        string WhatWasSeen,
        string? AccountUrl = null,
        IReadOnlyList<string>? EvidenceUrls = null,
        DateTimeOffset? DiscoveredAt = null,
        string? Department = null,
        string? ReporterContact = null,
        string? GenuineAccount = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Text(AccountHandle, "accountHandle", 200)
            .Url(AccountUrl, "accountUrl", required: false)
            .Text(WhatWasSeen, "whatWasSeen", 4000)
            .Urls(EvidenceUrls, "evidenceUrls", 20)
            .Text(Department, "department", Limits.Name, required: false)
            .Text(ReporterContact, "reporterContact", 200, required: false)
            .Text(GenuineAccount, "genuineAccount", 2048, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapPost("/", async (HttpContext http, OfficialAccountRegistry registry, CancellationToken cancellationToken) =>
            {
                var body = await JsonBodyReader.ReadAsync<Body>(http.Request, cancellationToken);
                var handle = body.AccountHandle.Trim();
                var account = OfficialAccountRegistry.Parse(AccountKey.Parse(body.Platform, handle), "accountHandle");
                var genuine = await ReportedAccounts.GenuineAccountOfAsync(registry, body.Kind, account, body.GenuineAccount, cancellationToken);
                var report = new ReportIncident(
                    Guid.Empty, body.Kind, body.Platform, handle, body.AccountUrl, body.WhatWasSeen,
                    body.EvidenceUrls ?? [], body.DiscoveredAt, body.Department, body.ReporterContact)
                {
                    GenuineAccount = genuine,
                };
                var key = new IncidentAccountKey(body.Kind, account);
                return await CommandExecution.RunAsync(
                    http, report.PermittedRoles, (call, token) => call.ReportOrJoinAsync(report, key, token), cancellationToken);
            })
            .Accepts<Body>("application/json")
            .WithCommandResponses()
            .Produces(StatusCodes.Status201Created)
            .WithSummary(
                "Report an incident. While an incident of the same kind about the same account is open, the report joins it: " +
                "200 with \"joined\": true and its Location; otherwise 201. Honours Idempotency-Key: a replay returns the first answer.");
}
