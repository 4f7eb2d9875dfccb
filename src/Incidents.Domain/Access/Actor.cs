namespace Incidents.Domain.Access;

/// <summary>Who issues a command, and in which of their roles they act.</summary>
public sealed record Actor(string Id, Role Role);
