using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>
/// Another report of an account that already has an open incident: it joins that incident as one more report
/// (who, what they saw, evidence, when) instead of opening a second one. The same person sending the same report
/// again changes nothing.
/// </summary>
public sealed record RecordAdditionalReport(
    string AccountHandle,
    string? AccountUrl,
    string WhatWasSeen,
    IReadOnlyList<string> EvidenceUrls,
    DateTimeOffset? DiscoveredAt,
    string? ReporterContact) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(WhatWasSeen, ReporterContact) ?? UrlShorteners.Check(AccountUrl)) is
            { } refusal)
        {
            return refusal;
        }

        if (DiscoveredAt > context.Now)
        {
            return Refusal.Invalid("discovered-in-future", "discoveredAt is later than now; give the time the problem was found.");
        }

        var sameAsFirst = state.ReportedBy == context.By && state.WhatWasSeen == WhatWasSeen && state.EvidenceUrls.SequenceEqual(EvidenceUrls);
        if (sameAsFirst || state.AdditionalReports.Any(r => r.By == context.By && r.WhatWasSeen == WhatWasSeen && r.EvidenceUrls.SequenceEqual(EvidenceUrls)))
        {
            return Decision.NoChange;
        }

        return Decision.Accept(new AdditionalReportReceived(
            state.Id, AccountHandle, AccountUrl, WhatWasSeen, EvidenceUrls, DiscoveredAt, ReporterContact, context.By, context.Now));
    }
}
