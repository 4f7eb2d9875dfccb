using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;

namespace Incidents.Api.Pipeline;

public abstract record CommandOutcome
{
    private CommandOutcome()
    {
    }

    /// <summary>Events were appended (none when a retry found them already committed).</summary>
    public sealed record Applied(IncidentState State, long Version, IReadOnlyList<IIncidentEvent> Events) : CommandOutcome;

    /// <summary>The fact was already recorded: nothing to append.</summary>
    public sealed record Unchanged(IncidentState State, long Version) : CommandOutcome;

    public sealed record Refused(Refusal Refusal, long Version) : CommandOutcome;

    /// <summary>The client's If-Match no longer matches.</summary>
    public sealed record PreconditionFailed(long CurrentVersion) : CommandOutcome;

    public sealed record Forbidden(string Detail) : CommandOutcome;
}
