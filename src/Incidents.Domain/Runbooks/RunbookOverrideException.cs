namespace Incidents.Domain.Runbooks;

/// <summary>An override names a step that does not exist or would give it a deadline or ladder that cannot work.</summary>
public sealed class RunbookOverrideException(string message) : Exception(message);
