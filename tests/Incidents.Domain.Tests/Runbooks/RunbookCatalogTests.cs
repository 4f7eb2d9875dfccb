using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Tests.Runbooks;

/// <summary>The default runbooks hang together: the decisions rely on every one of these properties.</summary>
public sealed class RunbookCatalogTests
{
    public static TheoryData<IncidentKind> Kinds() => [.. Enum.GetValues<IncidentKind>()];

    private static Runbook For(IncidentKind kind) => RunbookCatalog.Default.For(kind);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_its_own_runbook(IncidentKind kind)
    {
        Assert.Equal(kind, For(kind).Kind);
        Assert.NotEmpty(For(kind).Steps);
    }

    [Fact]
    public void A_catalog_missing_a_kind_cannot_be_built()
    {
        var error = Assert.Throws<ArgumentException>(() => new RunbookCatalog(RunbookCatalog.Default.All.Where(r => r.Kind != IncidentKind.Hoax)));

        Assert.Contains(nameof(IncidentKind.Hoax), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Step_keys_are_unique_within_a_runbook(IncidentKind kind)
    {
        var keys = For(kind).Steps.Select(s => s.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_after_step_trigger_names_another_step_of_the_same_runbook(IncidentKind kind)
    {
        foreach (var step in For(kind).Steps.Where(s => s.OpensOn.Kind == StepTriggerKind.AfterStep))
        {
            Assert.NotNull(step.OpensOn.AfterStepKey);
            Assert.NotEqual(step.Key, step.OpensOn.AfterStepKey);
            Assert.NotNull(For(kind).Step(step.OpensOn.AfterStepKey!));
        }

        Assert.All(For(kind).Steps.Where(s => s.OpensOn.Kind != StepTriggerKind.AfterStep), s => Assert.Null(s.OpensOn.AfterStepKey));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_publishing_step_lists_the_statement_kinds_that_complete_it(IncidentKind kind)
    {
        Assert.All(For(kind).Steps, step =>
        {
            Assert.Equal(step.CompletedBy == StepAction.PublishStatement, step.StatementKinds.Count > 0);
            Assert.Equal(step.CompletedBy == StepAction.PublishStatement, step.ProducesPublicStatement);
        });
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_report_step_lists_its_recipients_once_each(IncidentKind kind)
    {
        Assert.All(For(kind).Steps, step =>
        {
            Assert.Equal(step.CompletedBy == StepAction.ReportToOfficers, step.Recipients.Count > 0);
            Assert.Equal(step.Recipients.Count, step.Recipients.Distinct().Count());
        });
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_step_has_a_deadline_a_ladder_that_first_reminds_its_owner_and_a_source(IncidentKind kind)
    {
        Assert.All(For(kind).Steps, step =>
        {
            Assert.True(step.Deadline > TimeSpan.Zero, step.Key);
            Assert.NotEmpty(step.Ladder.Rungs);
            Assert.Equal(step.Responsible, step.Ladder.Rungs[0].Notify);
            Assert.True(step.Ladder.RepeatEvery > TimeSpan.Zero, step.Key);
            Assert.NotEmpty(step.Sources);
            Assert.False(string.IsNullOrWhiteSpace(step.Title.Ja));
            Assert.False(string.IsNullOrWhiteSpace(step.Title.En));
        });
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_runbook_starts_with_mandatory_work_at_report(IncidentKind kind)
    {
        Assert.Contains(For(kind).OpenedBy(StepTriggerKind.AtReport), step => step.Mandatory);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_statement_template_is_for_a_kind_one_of_the_steps_publishes(IncidentKind kind)
    {
        var published = For(kind).Steps.SelectMany(s => s.StatementKinds).ToHashSet();

        Assert.All(For(kind).Templates, template => Assert.Contains(template.Kind, published));
    }
}
