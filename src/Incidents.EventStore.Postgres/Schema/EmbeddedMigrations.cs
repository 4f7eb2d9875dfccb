using System.Reflection;

namespace Incidents.EventStore.Postgres.Schema;

/// <summary>Reads migrations embedded in an assembly as <c>NNNN_name.sql</c> resources.</summary>
public static class EmbeddedMigrations
{
    public static IReadOnlyList<Migration> From(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var fileName = resource.Split('.')[^2];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }

        return migrations.OrderBy(m => m.Version).ToList();
    }

    public static IReadOnlyList<Migration> EventStore { get; } = From(typeof(EmbeddedMigrations).Assembly);
}
