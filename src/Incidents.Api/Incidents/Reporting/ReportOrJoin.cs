using Incidents.Api.Pipeline;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.EventStore.Postgres.Streams;

namespace Incidents.Api.Incidents.Reporting;

/// <summary>
/// Reporting without duplicates. While an incident of the same kind about the same account is open, a new report
/// joins it as an additional report (200, <c>"joined": true</c>, its Location); otherwise it opens a new incident (201).
/// Race-free: the new incident's claim on the account commits in the same batch as its events under a unique key, so
/// of many first reports at once one opens the incident and every other finds its claim taken and joins it.
/// </summary>
public static class ReportOrJoin
{
    /// <summary>Each lost race means another report was recorded, so a handful of rounds always suffices.</summary>
    private const int MaxRounds = 10;

    public static async Task<IResult> ReportOrJoinAsync(
        this CommandCall call, ReportIncident report, IncidentAccountKey key, CancellationToken cancellationToken)
    {
        var openIncidents = call.Http.RequestServices.GetRequiredService<OpenIncidents>();
        for (var round = 1; ; round++)
        {
            var lastRound = round == MaxRounds;
            if (await openIncidents.FindAsync(key, cancellationToken) is { } open)
            {
                var join = new RecordAdditionalReport(
                    report.AccountHandle, report.AccountUrl, report.WhatWasSeen, report.EvidenceUrls, report.DiscoveredAt, report.ReporterContact);
                CommandOutcome joined;
                try
                {
                    joined = await call.ExecuteIncidentCommandAsync(open, join, ExpectedIncidentVersion.Any, IncidentAnswer.Joined, cancellationToken);
                }
                catch (WrongExpectedVersionException) when (!lastRound)
                {
                    continue;
                }

                if (joined is CommandOutcome.Refused { Refusal.Code: "incident-closed" or "incident-merged" } && !lastRound)
                {
                    // It closed or merged since the lookup, which moved or freed its claim; look again.
                    continue;
                }

                if (joined is CommandOutcome.Unchanged && await call.ReplayEarlierAnswerAsync(cancellationToken) is { } replay)
                {
                    // The same request, sent twice at once, opened the incident in the other attempt: answer as that one did.
                    return replay;
                }

                return call.Respond(joined, IncidentAnswer.Joined);
            }

            var id = IncidentId.New();
            var created = await call.ExecuteIncidentCommandAsync(
                id, report with { IncidentId = id.Value }, ExpectedIncidentVersion.Any, IncidentAnswer.Created, cancellationToken);
            if (created is CommandOutcome.Refused r && r.Refusal == IncidentCommandCalls.AccountHasOpenIncident && !lastRound)
            {
                // Another first report of this account committed just before ours; join it.
                continue;
            }

            return call.Respond(created, IncidentAnswer.Created);
        }
    }
}
