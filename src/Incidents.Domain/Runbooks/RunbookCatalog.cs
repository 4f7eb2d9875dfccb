using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks.Kinds;

namespace Incidents.Domain.Runbooks;

/// <summary>The runbook of every incident kind. The default is what docs/runbooks describes; configuration may override it.</summary>
public sealed class RunbookCatalog
{
    private readonly IReadOnlyDictionary<IncidentKind, Runbook> _runbooks;

    public RunbookCatalog(IEnumerable<Runbook> runbooks)
    {
        _runbooks = runbooks.ToDictionary(r => r.Kind);
        var missing = Enum.GetValues<IncidentKind>().Where(k => !_runbooks.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"No runbook for: {string.Join(", ", missing)}", nameof(runbooks));
        }
    }

    public static RunbookCatalog Default { get; } = new(
    [
        ImpersonationRunbook.Definition,
        AccountTakeoverRunbook.Definition,
        BacklashRunbook.Definition,
        HoaxRunbook.Definition,
        ErroneousPostRunbook.Definition,
    ]);

    public IEnumerable<Runbook> All => _runbooks.Values.OrderBy(r => r.Kind);

    public Runbook For(IncidentKind kind) => _runbooks[kind];
}
