using System.Data.Common;
using Npgsql;

namespace Incidents.Api.Composition;

/// <summary>
/// Connection pool settings the service applies unless its connection string sets them, each worth a large share of the
/// database's CPU per request (measured in docs/performance.md):
/// <list type="bullet">
/// <item><c>Max Auto Prepare</c> 64: the service sends a few dozen fixed statements, so each soon runs prepared and
/// PostgreSQL skips parsing and planning it. A transaction-mode pooler older than PgBouncer 1.21 needs
/// <c>Max Auto Prepare=0</c>.</item>
/// <item><c>No Reset On Close</c>: Npgsql would otherwise reset every connection it hands out of the pool (with prepared
/// statements, six statements: RESET ALL, UNLISTEN *, …), several times per request. Pooled connections carry no
/// session state here: settings are transaction-local (<c>set local</c>, <c>set_config(…, true)</c>), open transactions
/// are rolled back on return anyway, and the one session lock (projection leadership) lives on a connection outside
/// the pool. A pooled connection that was LISTENing only receives notifications that nobody reads.</item>
/// </list>
/// </summary>
public static class PoolDefaults
{
    public const int AutoPreparedStatements = 64;

    public static void Apply(NpgsqlConnectionStringBuilder builder, string configured)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = configured };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
    }
}
