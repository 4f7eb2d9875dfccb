using System.Collections.Immutable;
using Incidents.Domain.Incidents.Events;

namespace Incidents.Domain.Incidents.State;

/// <summary>An incident as its events describe it. Every field a decision reads is set by some <see cref="Apply"/>.</summary>
public sealed record IncidentState
{
    public static IncidentState Initial { get; } = new();

    public Guid Id { get; init; }

    public IncidentStatus Status { get; init; } = IncidentStatus.None;

    public IncidentKind Kind { get; init; }

    public Platform Platform { get; init; }

    public string AccountHandle { get; init; } = "";

    public string? AccountUrl { get; init; }

    public string WhatWasSeen { get; init; } = "";

    public IReadOnlyList<string> EvidenceUrls { get; init; } = [];

    public DateTimeOffset? DiscoveredAt { get; init; }

    public string? Department { get; init; }

    public string? ReporterContact { get; init; }

    public string ReportedBy { get; init; } = "";

    public DateTimeOffset ReportedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? Assignee { get; init; }

    /// <summary>Steps that have been opened at least once, in the order they opened.</summary>
    public ImmutableList<StepState> Steps { get; init; } = [];

    public ImmutableHashSet<Officer> ReportedTo { get; init; } = [];

    public ImmutableList<TakedownRecord> Takedowns { get; init; } = [];

    public TakedownOutcome? LastPlatformAnswer { get; init; }

    public DateTimeOffset? PasswordRotatedAt { get; init; }

    public ImmutableHashSet<string> DeletedPostUrls { get; init; } = [];

    public ScanRecord? LastScan { get; init; }

    public ImmutableList<StatementState> Statements { get; init; } = [];

    public ImmutableList<PoliceContactRecord> PoliceContacts { get; init; } = [];

    public bool? Spread { get; init; }

    public ImmutableHashSet<string> CopyUrls { get; init; } = [];

    public string? ResolutionSummary { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The official account the incident concerns: the one imitated, or the one taken over.</summary>
    public GenuineAccount? GenuineAccount { get; init; }

    /// <summary>Reports after the first, including those that came with merged duplicates, in the order received.</summary>
    public ImmutableList<ReceivedReport> AdditionalReports { get; init; } = [];

    /// <summary>Duplicates merged into this incident, whose accounts it now answers for.</summary>
    public ImmutableList<MergedIncident> MergedIncidents { get; init; } = [];

    /// <summary>Set when this incident was itself a duplicate: the incident that carries on its response.</summary>
    public Guid? MergedInto { get; init; }

    public int ReportCount => Exists ? 1 + AdditionalReports.Count : 0;

    public bool Exists => Status != IncidentStatus.None;

    public StepState? Step(string key) => Steps.Find(s => s.Key == key);

    public StatementState? Statement(Guid id) => Statements.Find(s => s.Id == id);

    public static IncidentState Fold(IEnumerable<IIncidentEvent> events) =>
        events.Aggregate(Initial, (state, e) => state.Apply(e));

    public IncidentState Apply(IIncidentEvent e) => e switch
    {
        IncidentReported r => this with
        {
            Id = r.IncidentId,
            Status = IncidentStatus.Reported,
            Kind = r.Kind,
            Platform = r.Platform,
            AccountHandle = r.AccountHandle,
            AccountUrl = r.AccountUrl,
            WhatWasSeen = r.WhatWasSeen,
            EvidenceUrls = r.EvidenceUrls,
            DiscoveredAt = r.DiscoveredAt,
            Department = r.Department,
            ReporterContact = r.ReporterContact,
            ReportedBy = r.By,
            ReportedAt = r.At,
            GenuineAccount = r.GenuineAccount,
        },
        IncidentAcknowledged a => this with { Status = IncidentStatus.Responding, AcknowledgedBy = a.By, AcknowledgedAt = a.At },
        IncidentAssigned a => this with { Assignee = a.Assignee },
        StepOpened o => WithStep(o.StepKey, existing => existing is null
            ? new StepState(o.StepKey, StepStatus.Open, o.Generation, o.At, o.DueAt)
            : existing with
            {
                Status = StepStatus.Open,
                Generation = o.Generation,
                OpenedAt = o.At,
                DueAt = o.DueAt,
                Escalations = 0,
                EscalationLevel = 0,
                LastEscalatedAt = null,
                FinishedAt = null,
                FinishedBy = null,
                Note = null,
            }),
        StepAssigned a => WithStep(a.StepKey, s => Required(s, a) with { Assignee = a.Assignee }),
        StepCompleted c => WithStep(c.StepKey, s => Required(s, c) with
        {
            Status = StepStatus.Completed, FinishedAt = c.At, FinishedBy = c.By, Note = c.Note,
        }),
        StepWaived w => WithStep(w.StepKey, s => Required(s, w) with
        {
            Status = StepStatus.Waived, FinishedAt = w.At, FinishedBy = w.By, Note = w.Reason,
        }),
        StepEscalated x => WithStep(x.StepKey, s => Required(s, x) with
        {
            Escalations = x.Escalation, EscalationLevel = x.Level, LastEscalatedAt = x.At,
        }),
        OfficersReported r => this with { ReportedTo = ReportedTo.Union(r.Recipients) },
        TakedownRequested t => this with
        {
            Takedowns = Takedowns.Add(new TakedownRecord(t.Platform, t.TargetUrl, t.Reference, t.By, t.At)),
        },
        PlatformAnswerRecorded p => this with { LastPlatformAnswer = p.Outcome },
        PasswordRotated p => this with { PasswordRotatedAt = p.At },
        PostsDeleted d => this with { DeletedPostUrls = DeletedPostUrls.Union(d.PostUrls) },
        PcScanned s => this with { LastScan = new ScanRecord(s.DeviceName, s.Result, s.By, s.At) },
        StatementDrafted d => this with
        {
            Statements = Statements.Add(new StatementState(
                d.StatementId, d.Kind, d.Channels, d.Text, d.LinkUrl, d.Corrects, 1, d.By, d.At, [d.By])),
        },
        StatementRevised r => WithStatement(r.StatementId, r, s => s with
        {
            Text = r.Text, LinkUrl = r.LinkUrl, Revision = r.Revision, Authors = s.Authors.Add(r.By),
        }),
        StatementApproved a => WithStatement(a.StatementId, a, s => s with
        {
            ApprovedRevision = a.Revision, ApprovedBy = a.By, ApprovedAt = a.At,
        }),
        StatementPublished p => WithStatement(p.StatementId, p, s => s with
        {
            PublishedBy = p.By, PublishedAt = p.At, PublishedUrl = p.PublishedUrl,
        }),
        PoliceContacted p => this with
        {
            PoliceContacts = PoliceContacts.Add(new PoliceContactRecord(p.Station, p.CaseReference, p.By, p.At)),
        },
        SpreadChecked s => this with { Spread = s.Spread, CopyUrls = CopyUrls.Union(s.CopyUrls) },
        IncidentResolved r => this with { Status = IncidentStatus.Resolved, ResolutionSummary = r.Summary, ResolvedAt = r.At },
        IncidentClosed c => this with { Status = IncidentStatus.Closed, ClosedAt = c.At },
        IncidentReopened => this with { Status = IncidentStatus.Responding, ClosedAt = null, ResolvedAt = null },
        GenuineAccountLinked l => this with { GenuineAccount = l.Account },
        AdditionalReportReceived a => this with
        {
            AdditionalReports = AdditionalReports.Add(new ReceivedReport(
                a.AccountHandle, a.AccountUrl, a.WhatWasSeen, a.EvidenceUrls, a.DiscoveredAt, a.ReporterContact, a.By, a.At)),
        },
        IncidentMerged m => this with
        {
            AdditionalReports = AdditionalReports.AddRange(m.Reports),
            MergedIncidents = MergedIncidents.AddRange(m.Incidents),
        },
        IncidentMergedInto m => this with { MergedInto = m.SurvivorId },
        _ => throw new InvalidOperationException($"IncidentState cannot apply {e.GetType().Name}: add it to Apply."),
    };

    private IncidentState WithStep(string key, Func<StepState?, StepState> change)
    {
        var index = Steps.FindIndex(s => s.Key == key);
        return index < 0
            ? this with { Steps = Steps.Add(change(null)) }
            : this with { Steps = Steps.SetItem(index, change(Steps[index])) };
    }

    private IncidentState WithStatement(Guid id, IIncidentEvent e, Func<StatementState, StatementState> change)
    {
        var index = Statements.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            throw new InvalidOperationException($"{e.GetType().Name} names statement {id}, which was never drafted.");
        }

        return this with { Statements = Statements.SetItem(index, change(Statements[index])) };
    }

    private static StepState Required(StepState? step, IIncidentEvent e) =>
        step ?? throw new InvalidOperationException($"{e.GetType().Name} names a step that was never opened.");
}
