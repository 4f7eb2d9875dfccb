namespace Incidents.Projections.Rebuild;

/// <summary>
/// A read model written in the command's own transaction (so the API reads its own writes) that can still be
/// rebuilt from zero into shadow tables and swapped in while commands keep writing the live ones.
/// </summary>
public interface IInlineProjection
{
    string Name { get; }

    IReadOnlyList<string> Tables { get; }

    /// <summary>Builds the shadow tables from every stream, then swaps them in without losing a concurrent write.</summary>
    Task RebuildAsync(string liveSchema, CancellationToken cancellationToken);
}
