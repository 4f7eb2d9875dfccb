using Npgsql;

namespace Incidents.Projections.Runner;

/// <summary>
/// Where a batch is written: the runner's connection, already inside the batch's transaction, and the names of the
/// tables to write to (the live tables, or their shadows during a rebuild).
/// </summary>
public sealed class ProjectionWriteContext(NpgsqlConnection connection, ProjectionTables tables)
{
    public NpgsqlConnection Connection => connection;

    /// <summary>The quoted, schema-qualified name to write for one of the projection's own tables.</summary>
    public string Table(string name) => tables.Qualified(name);
}
