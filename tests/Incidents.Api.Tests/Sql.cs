using Incidents.Testing;

namespace Incidents.Api.Tests;

/// <summary>Direct reads of the test database, for what the API does not show (timers, claims, stream counts).</summary>
public static class Sql
{
    public static Task<long> QueryCountAsync(this TestDatabase database, string sql, params object[] parameters) =>
        database.ScalarAsync<long>(sql, parameters);

    public static Task<long> IncidentStreamsAsync(this TestDatabase database) =>
        database.QueryCountAsync("select count(*) from streams where stream_id like 'incident-%'");
}
