using Incidents.Domain.Access;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>Everything an account decision may know besides the state: who acts, and the time.</summary>
public sealed record AccountCommandContext(Actor Actor, DateTimeOffset Now)
{
    public string By => Actor.Id;
}
