using Incidents.Testing;

namespace Incidents.Faults.Tests;

/// <summary>The projections' leader locks (session advisory locks in namespace 2100) held in one test database.</summary>
public static class LeaderLocks
{
    public static Task<long> CountAsync(TestDatabase database) =>
        database.ScalarAsync<long>("""
            select count(*) from pg_locks
             where locktype = 'advisory' and classid = 2100 and granted
               and database = (select oid from pg_database where datname = current_database())
            """);
}
