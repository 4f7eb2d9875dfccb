using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>
/// The result of a full virus scan of the PC used for the account (000 §9(2)). An infected result opens the
/// follow-up step; a later clean result completes it.
/// </summary>
public sealed record RecordPcScan(string DeviceName, ScanResult Result, string? Findings) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Scanners;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Findings)) is { } refusal)
        {
            return refusal;
        }

        if (!context.Runbooks.For(state.Kind).Has(StepAction.ScanPc))
        {
            return StepRefusals.NotInRunbook("scan a PC", state.Kind);
        }

        var awaited = StepProgress.Awaits(state, context, StepAction.ScanPc) ||
            (Result == ScanResult.Clean && StepProgress.Awaits(state, context, StepAction.CleanScan));
        if (state.LastScan is { } last && last.DeviceName == DeviceName && last.Result == Result && !awaited)
        {
            return Decision.NoChange;
        }

        var followUps = Result == ScanResult.Infected
            ? StepProgress.OpenTriggered(state, context, StepTriggerKind.InfectedScan)
            : StepProgress.Complete(state, context, StepAction.CleanScan);
        return Decision.Accept(
        [
            new PcScanned(state.Id, DeviceName, Result, Findings, context.By, context.Now),
            .. StepProgress.Complete(state, context, StepAction.ScanPc),
            .. followUps,
        ]);
    }
}
