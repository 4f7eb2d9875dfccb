using Incidents.EventStore.Postgres.Schema;

namespace Incidents.Api.Schema;

/// <summary>Users, tokens and idempotency records. Versions 3000–3999.</summary>
public static class ApiMigrations
{
    public static IReadOnlyList<Migration> All { get; } = EmbeddedMigrations.From(typeof(ApiMigrations).Assembly);
}
