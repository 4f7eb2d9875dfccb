using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;

namespace Incidents.Api.Accounts.Pipeline;

public abstract record AccountOutcome
{
    private AccountOutcome()
    {
    }

    /// <summary>Events were appended (none when a retry found them already committed).</summary>
    public sealed record Applied(AccountState State, long Version, IReadOnlyList<IAccountEvent> Events) : AccountOutcome;

    public sealed record Unchanged(AccountState State, long Version) : AccountOutcome;

    public sealed record Refused(Refusal Refusal) : AccountOutcome;

    public sealed record PreconditionFailed(long CurrentVersion) : AccountOutcome;
}
