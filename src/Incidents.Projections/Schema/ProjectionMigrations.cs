using Incidents.EventStore.Postgres.Schema;

namespace Incidents.Projections.Schema;

/// <summary>The read models' tables. Versions 2000–2999; the official-accounts registry uses 4000–4099.</summary>
public static class ProjectionMigrations
{
    public static IReadOnlyList<Migration> All { get; } = EmbeddedMigrations.From(typeof(ProjectionMigrations).Assembly);
}
