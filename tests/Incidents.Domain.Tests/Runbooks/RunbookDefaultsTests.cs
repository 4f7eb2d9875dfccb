using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Runbooks;

/// <summary>The deadlines the guidelines leave open, as chosen in shared/domain.md.</summary>
public sealed class RunbookDefaultsTests
{
    public static TheoryData<IncidentKind> KindsThatAwaitAPlatform() => RunbookSteps.KindsWith("await-platform-answer");

    private static RunbookStep Step(IncidentKind kind, string key) => RunbookCatalog.Default.For(kind).Step(key)!;

    [Theory]
    [InlineData(IncidentKind.Impersonation)]
    [InlineData(IncidentKind.AccountTakeover)]
    public void Reporting_an_impersonation_or_takeover_to_officers_is_mandatory_within_an_hour(IncidentKind kind)
    {
        var step = Step(kind, "report-to-officers");

        Assert.Equal((true, TimeSpan.FromHours(1), StepAction.ReportToOfficers), (step.Mandatory, step.Deadline, step.CompletedBy));
    }

    [Theory]
    [InlineData(IncidentKind.Impersonation, new[] { Officer.Ciso, Officer.DepartmentHead, Officer.GeneralAffairs })]
    [InlineData(IncidentKind.AccountTakeover, new[] { Officer.Ciso, Officer.SecurityManager })]
    [InlineData(IncidentKind.Backlash, new[] { Officer.DepartmentHead, Officer.GeneralAffairs })]
    [InlineData(IncidentKind.Hoax, new[] { Officer.DepartmentHead, Officer.GeneralAffairs })]
    public void The_report_goes_to_the_officers_the_guidelines_name(IncidentKind kind, Officer[] recipients)
    {
        Assert.Equal(recipients, Step(kind, "report-to-officers").Recipients);
    }

    [Fact]
    public void A_takeover_rotates_the_password_within_thirty_minutes()
    {
        var step = Step(IncidentKind.AccountTakeover, "rotate-password");

        Assert.Equal((true, TimeSpan.FromMinutes(30), StepTriggerKind.AtReport), (step.Mandatory, step.Deadline, step.OpensOn.Kind));
    }

    [Fact]
    public void An_impersonation_asks_for_the_takedown_within_four_hours()
    {
        var step = Step(IncidentKind.Impersonation, "request-takedown");

        Assert.Equal((true, TimeSpan.FromHours(4)), (step.Mandatory, step.Deadline));
    }

    [Theory]
    [MemberData(nameof(KindsThatAwaitAPlatform))]
    public void The_platforms_answer_is_awaited_for_seven_days_after_the_request(IncidentKind kind)
    {
        var step = Step(kind, "await-platform-answer");

        Assert.Equal((true, TimeSpan.FromDays(7), StepTriggerKind.AfterStep), (step.Mandatory, step.Deadline, step.OpensOn.Kind));
        Assert.Equal(StepAction.RequestTakedown, Step(kind, step.OpensOn.AfterStepKey!).CompletedBy);
    }

    [Fact]
    public void Backlash_needs_a_first_public_word_within_two_hours()
    {
        var step = Step(IncidentKind.Backlash, "first-public-word");

        Assert.Equal((true, TimeSpan.FromHours(2)), (step.Mandatory, step.Deadline));
        Assert.Contains(StatementKind.HoldingStatement, step.StatementKinds);
    }

    [Fact]
    public void A_hoax_is_answered_with_correct_information()
    {
        var step = Step(IncidentKind.Hoax, "publish-correct-information");

        Assert.Equal([StatementKind.CorrectInformation], step.StatementKinds);
        Assert.True(step.Mandatory);
    }

    [Theory]
    [InlineData(IncidentKind.Impersonation, "press-release")]
    [InlineData(IncidentKind.AccountTakeover, "publish-warning")]
    [InlineData(IncidentKind.AccountTakeover, "contact-police")]
    [InlineData(IncidentKind.Hoax, "request-removal")]
    public void Steps_the_guidelines_leave_to_judgement_are_optional(IncidentKind kind, string key)
    {
        Assert.False(Step(kind, key).Mandatory);
    }

    [Theory]
    [InlineData(IncidentKind.AccountTakeover, "remove-malware", StepTriggerKind.InfectedScan)]
    [InlineData(IncidentKind.ErroneousPost, "request-copies-deletion", StepTriggerKind.SpreadFound)]
    public void Follow_up_steps_open_only_on_their_trigger(IncidentKind kind, string key, StepTriggerKind trigger)
    {
        Assert.Equal(trigger, Step(kind, key).OpensOn.Kind);
    }
}
