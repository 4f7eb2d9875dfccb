using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

public sealed record ReportIncident(
    Guid IncidentId,
    IncidentKind Kind,
    Platform Platform,
    string AccountHandle,
    string? AccountUrl,
    string WhatWasSeen,
    IReadOnlyList<string> EvidenceUrls,
    DateTimeOffset? DiscoveredAt,
    string? Department,
    string? ReporterContact) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (state.Exists)
        {
            return Refusal.Conflict("incident-exists", "An incident with this id already exists.");
        }

        if (DiscoveredAt > context.Now)
        {
            return Refusal.Invalid("discovered-in-future", "discoveredAt is later than now; give the time the problem was found.");
        }

        if (SecretText.Check(WhatWasSeen, ReporterContact) is { } secret)
        {
            return secret;
        }

        var reported = new IncidentReported(
            IncidentId, Kind, Platform, AccountHandle, AccountUrl, WhatWasSeen, EvidenceUrls,
            DiscoveredAt, Department, ReporterContact, context.By, context.Now);
        var afterReport = IncidentState.Initial.Apply(reported);
        var opened = context.Runbooks.For(Kind).OpenedBy(StepTriggerKind.AtReport)
            .Select(step => StepProgress.Open(afterReport, step, context));
        return Decision.Accept([reported, .. opened]);
    }
}
