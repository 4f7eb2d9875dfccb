using System.Collections.Frozen;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Incidents.Views;

/// <summary>Builds what a reader sees of an incident: every runbook step in order (pending ones too), overdue as of now.</summary>
public sealed class IncidentViews(RunbookCatalog runbooks, TimeProvider time)
{
    /// <summary>Reporter contact details are personal data: only those who follow up with the reporter see them.</summary>
    public static readonly FrozenSet<Role> ContactReaders =
        new[] { Role.DepartmentHead, Role.SecurityManager, Role.Ciso }.ToFrozenSet();

    public IncidentView Build(IncidentState state, long version, IReadOnlyList<Role> viewerRoles)
    {
        var now = time.GetUtcNow();
        var runbook = runbooks.For(state.Kind);
        var steps = runbook.Steps.Select(definition => StepOf(definition, state.Step(definition.Key), now)).ToList();
        var open = state.Steps.Where(s => s.IsOpen).ToList();
        return new IncidentView(
            state.Id, version, state.Kind, state.Platform, state.AccountHandle, state.AccountUrl, state.WhatWasSeen,
            state.EvidenceUrls, state.DiscoveredAt, state.Department,
            viewerRoles.Any(ContactReaders.Contains) ? state.ReporterContact : null,
            state.Status, state.ReportedBy, state.ReportedAt, state.AcknowledgedBy, state.AcknowledgedAt, state.Assignee,
            open.Any(s => s.IsOverdue(now)),
            open.Count > 0 ? open.Min(s => s.DueAt) : null,
            open.Count > 0 ? open.Max(s => s.EscalationLevel) : 0,
            steps,
            state.Statements.Select(StatementOf).ToList(),
            [.. state.ReportedTo.Order()],
            state.Takedowns, state.LastPlatformAnswer, state.PasswordRotatedAt, [.. state.DeletedPostUrls.Order()],
            state.LastScan, state.PoliceContacts, state.Spread, [.. state.CopyUrls.Order()],
            state.ResolutionSummary, state.ResolvedAt, state.ClosedAt,
            state.GenuineAccount, state.ReportCount,
            viewerRoles.Any(ContactReaders.Contains) ? state.AdditionalReports : [.. state.AdditionalReports.Select(r => r with { ReporterContact = null })],
            state.MergedIncidents, state.MergedInto);
    }

    private static StepView StepOf(RunbookStep definition, StepState? step, DateTimeOffset now) => new(
        definition.Key, definition.Title, definition.Responsible, definition.Mandatory,
        step?.Status ?? StepStatus.Pending, definition.CompletedBy, definition.Deadline,
        step?.OpenedAt, step?.DueAt, step?.IsOverdue(now) ?? false, step?.Assignee,
        step?.Escalations ?? 0, step?.EscalationLevel ?? 0, EscalatedTo(definition, step),
        step?.LastEscalatedAt, NextEscalationAt(definition, step),
        step?.FinishedAt, step?.FinishedBy, step?.Note, definition.StatementKinds,
        definition.Sources.Select(s => s.ToString()).ToList());

    /// <summary>Whom the step's latest escalation notified (its ladder rung's role).</summary>
    private static Role? EscalatedTo(RunbookStep definition, StepState? step) =>
        step is { EscalationLevel: > 0 and var level } && level <= definition.Ladder.Rungs.Count
            ? definition.Ladder.Rungs[level - 1].Notify
            : null;

    /// <summary>When the open step's next escalation is due, as the deadline timers schedule it.</summary>
    private static DateTimeOffset? NextEscalationAt(RunbookStep definition, StepState? step) =>
        step is not { IsOpen: true } ? null
        : step.LastEscalatedAt is { } last ? last + definition.Ladder.DelayBefore(step.Escalations + 1)
        : step.DueAt + definition.Ladder.DelayBefore(1);

    private static StatementView StatementOf(StatementState s) => new(
        s.Id, s.Kind, s.Channels, s.Text, s.LinkUrl, s.Corrects, s.Revision, s.Status, s.DraftedBy, s.DraftedAt,
        [.. s.Authors.Order()], s.ApprovedRevision, s.ApprovedBy, s.ApprovedAt, s.PublishedBy, s.PublishedAt, s.PublishedUrl);
}
