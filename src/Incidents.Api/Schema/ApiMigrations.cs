using Incidents.EventStore.Postgres.Schema;

namespace Incidents.Api.Schema;

/// <summary>Users, tokens and idempotency records: versions 3000–3999. Open incidents by account: 4000–4099.</summary>
public static class ApiMigrations
{
    public static IReadOnlyList<Migration> All { get; } = EmbeddedMigrations.From(typeof(ApiMigrations).Assembly);
}
