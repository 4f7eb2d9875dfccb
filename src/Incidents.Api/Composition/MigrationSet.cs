using Incidents.EventStore.Postgres.Schema;

namespace Incidents.Api.Composition;

/// <summary>One module's migrations. Each module registers its set; the migrator applies them all in version order.</summary>
public sealed record MigrationSet(IReadOnlyList<Migration> Migrations);
