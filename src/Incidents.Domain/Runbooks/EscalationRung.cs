using Incidents.Domain.Access;

namespace Incidents.Domain.Runbooks;

/// <summary>One rung of a ladder: whom to notify, and how long after the previous rung (or the deadline, for the first).</summary>
public sealed record EscalationRung(TimeSpan After, Role Notify);
