namespace Incidents.EventStore.Postgres.Schema;

/// <summary>One versioned schema change. Versions are unique across every module; each module owns a range.</summary>
public sealed record Migration(int Version, string Name, string Sql);
