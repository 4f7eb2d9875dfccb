using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Addresses;
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
    /// <summary>
    /// The official account the incident concerns, as found in the registry before deciding: the account an
    /// impersonation imitates (optional), or the account that was taken over (required: a takeover happens to ours).
    /// </summary>
    public GenuineAccount? GenuineAccount { get; init; }

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

        if ((SecretText.Check(WhatWasSeen, ReporterContact) ?? AccountKey.Parse(Platform, AccountHandle).Refusal ??
             UrlShorteners.Check(AccountUrl)) is { } refusal)
        {
            return refusal;
        }

        if (Kind == IncidentKind.AccountTakeover && GenuineAccount is null)
        {
            return TakeoverNeedsOurAccount;
        }

        var reported = new IncidentReported(
            IncidentId, Kind, Platform, AccountHandle, AccountUrl, WhatWasSeen, EvidenceUrls,
            DiscoveredAt, Department, ReporterContact, context.By, context.Now, GenuineAccount);
        var afterReport = IncidentState.Initial.Apply(reported);
        var opened = context.Runbooks.For(Kind).OpenedBy(StepTriggerKind.AtReport)
            .Select(step => StepProgress.Open(afterReport, step, context));
        return Decision.Accept([reported, .. opened]);
    }

    public static Refusal TakeoverNeedsOurAccount { get; } = Refusal.Invalid(
        "takeover-needs-official-account",
        "An account takeover happens to one of our official accounts: accountHandle must name an account on the official list (GET /api/public/official-accounts). If someone else's account pretends to be ours, report an impersonation.");
}
