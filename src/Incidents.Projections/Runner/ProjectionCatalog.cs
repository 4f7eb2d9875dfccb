using Incidents.Projections.Rebuild;

namespace Incidents.Projections.Runner;

/// <summary>Every read model that can be rebuilt: the asynchronous projections and the inline ones.</summary>
public sealed class ProjectionCatalog(IEnumerable<IAsyncProjection> asynchronous, IEnumerable<IInlineProjection> inline)
{
    public IReadOnlyList<IAsyncProjection> Asynchronous { get; } = asynchronous.ToList();

    public IReadOnlyList<IInlineProjection> Inline { get; } = inline.ToList();

    public IEnumerable<string> Names => Inline.Select(p => p.Name).Concat(Asynchronous.Select(p => p.Name));

    public bool Contains(string name) => Names.Contains(name, StringComparer.Ordinal);

    public bool IsInline(string name) => Inline.Any(p => p.Name == name);
}
