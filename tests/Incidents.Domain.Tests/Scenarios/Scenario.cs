using System.Collections.Immutable;
using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Tests.Scenarios;

/// <summary>
/// An incident's history built by deciding real commands in order and folding their events, with a clock that
/// moves one <see cref="Tick"/> after each command. Each step returns a new scenario; nothing is shared.
/// </summary>
public sealed record Scenario(IncidentState State, ImmutableList<IIncidentEvent> History, DateTimeOffset Now)
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    public const string Device = "soumu-pc-01";

    public const string PoliceStation = "美里警察署";

    public Guid Id => State.Id;

    public Runbook Runbook => RunbookCatalog.Default.For(State.Kind);

    public CommandContext ContextFor(Actor actor) => new(actor, Now, RunbookCatalog.Default);

    /// <summary>Decides <paramref name="command"/> at <see cref="Now"/> without recording anything.</summary>
    public Decision Decide(IIncidentCommand command, Actor actor) => command.Decide(State, ContextFor(actor));

    /// <summary>
    /// Decides and records a command the way the service would: the actor's role must be permitted, and the command
    /// must change something, so a scenario never silently skips a step it claims to take.
    /// </summary>
    public Scenario Do(IIncidentCommand command, Actor actor)
    {
        var decision = Decide(command, actor);
        var events = RecordedDecision.EventsOf(command, command.PermittedRoles, actor, decision.Refusal, decision.Events);
        return this with
        {
            State = events.Aggregate(State, (state, e) => state.Apply(e)),
            History = History.AddRange(events),
            Now = Now + Tick,
        };
    }

    public Scenario After(TimeSpan elapsed) => this with { Now = Now + elapsed };

    public Scenario Acknowledged() => Do(new AcknowledgeIncident(), Actors.DepartmentHead);

    public Scenario AssignedTo(string assignee) => Do(new AssignIncident(assignee), Actors.DepartmentHead);

    public Scenario StepAssignedTo(string stepKey, string assignee) => Do(new AssignStep(stepKey, assignee), Actors.DepartmentHead);

    public Scenario ToldOfficers(params Officer[] recipients) => Do(new ReportToOfficers(recipients, null), Actors.Reporter);

    public Scenario RequestedTakedown(string? targetUrl = null) => Do(new RequestTakedown(targetUrl, null), Actors.Reporter);

    public Scenario PlatformAnswered(TakedownOutcome outcome = TakedownOutcome.Removed) =>
        Do(new RecordPlatformAnswer(outcome, null), Actors.Reporter);

    public Scenario RotatedPassword() => Do(new RecordPasswordRotation(null), Actors.Reporter);

    public Scenario DeletedPosts(params string[] postUrls) => Do(new RecordPostsDeleted(postUrls, null), Actors.Reporter);

    public Scenario ScannedPc(ScanResult result, string device = Device) =>
        Do(new RecordPcScan(device, result, null), Actors.SecurityManager);

    public Scenario ContactedPolice(string? caseReference = "R8-0401") =>
        Do(new RecordPoliceContact(PoliceStation, caseReference, null), Actors.Reporter);

    public Scenario CheckedSpread(bool spread, params string[] copyUrls) =>
        Do(new RecordSpreadCheck(spread, copyUrls), Actors.Reporter);

    public Scenario CompletedStep(string stepKey) => Do(new CompleteStep(stepKey, "対応済み"), Actors.DepartmentHead);

    public Scenario WaivedStep(string stepKey) => Do(new WaiveStep(stepKey, "今回は不要と判断"), Actors.DepartmentHead);

    public Scenario Escalated(string stepKey, int escalation) =>
        Do(new EscalateOverdueStep(stepKey, State.Step(stepKey)!.Generation, escalation), Actors.Automation);

    public Scenario Drafted(
        Guid statementId, StatementKind kind, Actor? by = null, string? text = null, string? linkUrl = null, Guid? corrects = null) =>
        Do(new DraftStatement(
            statementId,
            kind,
            [StatementChannel.Homepage, StatementChannel.OfficialAccount],
            text ?? $"{kind} の本文",
            linkUrl ?? (kind == StatementKind.CorrectInformation ? Given.HomepageUrl : null),
            corrects), by ?? Actors.Writer);

    public Scenario Revised(Guid statementId, string text, Actor? by = null) =>
        Do(new ReviseStatement(statementId, text, State.Statement(statementId)!.LinkUrl), by ?? Actors.Writer);

    public Scenario Approved(Guid statementId, Actor? by = null) =>
        Do(new ApproveStatement(statementId), by ?? Actors.PublishingOfficer);

    public Scenario Published(Guid statementId) =>
        Do(new PublishStatement(statementId, $"https://x.com/misato_town/status/{statementId:N}"), Actors.Writer);

    /// <summary>Drafted by the writer, approved by the publishing officer, then published.</summary>
    public Scenario PublishedStatement(Guid statementId, StatementKind kind) =>
        Drafted(statementId, kind).Approved(statementId).Published(statementId);

    public Scenario Resolved() => Do(new ResolveIncident("被害の拡大は止まった"), Actors.DepartmentHead);

    /// <summary>Finishes every open mandatory step, then closes; optional steps still open are waived by the closing.</summary>
    public Scenario Closed() => MandatoryStepsDone().Do(new CloseIncident(), Actors.Ciso);

    public Scenario Reopened(params string[] stepKeys) => Do(new ReopenIncident("再発を確認", stepKeys), Actors.Ciso);

    /// <summary>Moves the incident forward to <paramref name="target"/>: acknowledge, resolve, close, as needed.</summary>
    public Scenario Into(IncidentStatus target)
    {
        var scenario = this;
        if (target >= IncidentStatus.Responding && scenario.State.Status == IncidentStatus.Reported)
        {
            scenario = scenario.Acknowledged();
        }

        if (target >= IncidentStatus.Resolved && scenario.State.Status is IncidentStatus.Reported or IncidentStatus.Responding)
        {
            scenario = scenario.Resolved();
        }

        if (target == IncidentStatus.Closed && scenario.State.Status != IncidentStatus.Closed)
        {
            scenario = scenario.Closed();
        }

        return scenario;
    }

    public Scenario MandatoryStepsDone()
    {
        var scenario = this;
        while (scenario.State.Steps.FirstOrDefault(s => s.IsOpen && scenario.Runbook.Step(s.Key)!.Mandatory) is { } open)
        {
            scenario = scenario.StepDone(open.Key);
        }

        return scenario;
    }

    /// <summary>Completes an open step by recording the fact its runbook says completes it.</summary>
    public Scenario StepDone(string stepKey)
    {
        var step = Runbook.Step(stepKey) ?? throw new InvalidOperationException($"No step '{stepKey}' for {State.Kind}.");
        var done = step.CompletedBy switch
        {
            StepAction.ReportToOfficers => ToldOfficers([.. step.Recipients]),
            StepAction.RequestTakedown => RequestedTakedown(),
            StepAction.RecordPlatformAnswer => PlatformAnswered(),
            StepAction.RotatePassword => RotatedPassword(),
            StepAction.DeletePosts => DeletedPosts($"https://x.com/misato_town/status/{State.DeletedPostUrls.Count + 100}"),
            StepAction.ScanPc or StepAction.CleanScan => ScannedPc(ScanResult.Clean),
            StepAction.PublishStatement => PublishedStatement(StatementIds.Builder(State.Statements.Count + 1), step.StatementKinds[0]),
            StepAction.ContactPolice => ContactedPolice(),
            StepAction.CheckSpread => CheckedSpread(false),
            StepAction.Manual => CompletedStep(stepKey),
            _ => throw new InvalidOperationException($"No way to record {step.CompletedBy}."),
        };

        return done.State.Step(stepKey) is { IsOpen: true }
            ? throw new InvalidOperationException($"Recording {step.CompletedBy} left step '{stepKey}' open.")
            : done;
    }
}
