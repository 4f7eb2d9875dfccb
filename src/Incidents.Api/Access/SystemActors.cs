using Incidents.Domain.Access;

namespace Incidents.Api.Access;

/// <summary>The service itself, when it acts without a person: events it causes are attributed to this fixed id.</summary>
public static class SystemActors
{
    /// <summary>Fires deadline timers. A fixed, recognisable id that no user account can have (users get version 7 ids).</summary>
    public static readonly Actor DeadlineTimers = new("00000000-0000-0000-0000-0000000a0001", Role.Automation);
}
