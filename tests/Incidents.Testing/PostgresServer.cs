using Npgsql;

namespace Incidents.Testing;

/// <summary>The PostgreSQL server that scripts/test.sh starts; its address comes in INCIDENTS_TEST_POSTGRES.</summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "INCIDENTS_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run the tests with scripts/test.sh, which starts a PostgreSQL for them.");
}
