namespace Incidents.Domain.Incidents.Events;

/// <summary>The fact that the account's password was changed. The password itself is never recorded.</summary>
public sealed record PasswordRotated(Guid IncidentId, string? Note, string By, DateTimeOffset At) : IIncidentEvent;
