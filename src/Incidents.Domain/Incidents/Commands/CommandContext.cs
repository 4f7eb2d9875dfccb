using Incidents.Domain.Access;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Everything a decision may know besides the state: who acts, the time, and the runbooks in force.</summary>
public sealed record CommandContext(Actor Actor, DateTimeOffset Now, RunbookCatalog Runbooks)
{
    public string By => Actor.Id;
}
