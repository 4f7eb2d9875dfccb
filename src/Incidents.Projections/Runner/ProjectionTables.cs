namespace Incidents.Projections.Runner;

/// <summary>Resolves a projection's table names to one schema: the live schema, or the schema where rebuilds build shadows.</summary>
public sealed record ProjectionTables(string Schema, IReadOnlyList<string> Names)
{
    public const string RebuildSchema = "projection_rebuild";

    public string Qualified(string name) =>
        Names.Contains(name, StringComparer.Ordinal)
            ? $"\"{Schema}\".\"{name}\""
            : throw new InvalidOperationException($"The projection does not own a table named '{name}'; declare it in Tables.");
}
