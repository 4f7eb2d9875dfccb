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

    /// <summary>The smallest repeat interval an override may set: a shorter one would flood people with reminders.</summary>
    public static readonly TimeSpan MinimumRepeat = TimeSpan.FromMinutes(1);

    public IEnumerable<Runbook> All => _runbooks.Values.OrderBy(r => r.Kind);

    public Runbook For(IncidentKind kind) => _runbooks[kind];

    /// <summary>A catalog in which each override replaces its step's deadline, rungs or repeat interval.</summary>
    public RunbookCatalog WithOverrides(IEnumerable<StepOverride> overrides)
    {
        var runbooks = new Dictionary<IncidentKind, Runbook>(_runbooks);
        foreach (var change in overrides)
        {
            var runbook = runbooks[change.Kind];
            var step = runbook.Step(change.StepKey) ?? throw new RunbookOverrideException(
                $"The {change.Kind} runbook has no step '{change.StepKey}'. Its steps are: {string.Join(", ", runbook.Steps.Select(s => s.Key))}.");
            var changed = step with
            {
                Deadline = change.Deadline ?? step.Deadline,
                Ladder = new EscalationLadder(change.Rungs ?? step.Ladder.Rungs, change.RepeatEvery ?? step.Ladder.RepeatEvery),
            };
            Check(change, changed);
            runbooks[change.Kind] = runbook with { Steps = runbook.Steps.Select(s => s.Key == step.Key ? changed : s).ToList() };
        }

        return new RunbookCatalog(runbooks.Values);
    }

    private static void Check(StepOverride change, RunbookStep step)
    {
        var where = $"{change.Kind} step '{change.StepKey}'";
        if (step.Deadline <= TimeSpan.Zero)
        {
            throw new RunbookOverrideException($"{where}: the deadline must be longer than zero.");
        }

        if (step.Ladder.Rungs.Count == 0)
        {
            throw new RunbookOverrideException($"{where}: the escalation ladder needs at least one rung.");
        }

        if (step.Ladder.Rungs.Any(r => r.After < TimeSpan.Zero))
        {
            throw new RunbookOverrideException($"{where}: a rung's delay cannot be negative.");
        }

        if (step.Ladder.RepeatEvery < MinimumRepeat)
        {
            throw new RunbookOverrideException($"{where}: the last rung may repeat at most once a minute.");
        }
    }
}
