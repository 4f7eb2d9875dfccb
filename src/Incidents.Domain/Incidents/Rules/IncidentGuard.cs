using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Rules;

public static class IncidentGuard
{
    /// <summary>
    /// Refuses commands on an incident that does not exist, that was merged into another (which carries on its
    /// response), or that is closed (reopen comes first).
    /// </summary>
    public static Refusal? RequireActive(IncidentState state) => state.Status switch
    {
        IncidentStatus.None => Refusal.Missing("incident-not-found", "No incident has this id."),
        _ when state.MergedInto is { } survivor => Merged(survivor),
        IncidentStatus.Closed => Refusal.Conflict(
            "incident-closed", "The incident is closed. Reopen it (POST /api/incidents/{id}/reopen) before recording anything more."),
        _ => null,
    };

    public static Refusal Merged(Guid survivor) => Refusal.Conflict(
        "incident-merged",
        $"This incident was merged into {survivor:D} as a duplicate; record everything there (GET /api/incidents/{survivor:D}).");
}
