using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Runbooks;

public sealed class TemplateFillingTests
{
    private static StatementTemplate Warning(IncidentKind kind) =>
        RunbookCatalog.Default.For(kind).Templates.Single(t => t.Kind == StatementKind.Warning);

    [Fact]
    public void An_impersonation_warning_points_to_the_genuine_account_and_the_homepage_list()
    {
        var state = Given.Reported(IncidentKind.Impersonation).LinkedTo(Given.OfficialAccount).State;

        var filled = TemplateFilling.Fill(Warning(IncidentKind.Impersonation), state, Given.HomepageUrl);

        Assert.Empty(filled.Missing);
        Assert.Contains("町の公式アカウントは @misato_town（https://x.com/misato_town）です", filled.Text.Ja, StringComparison.Ordinal);
        Assert.Contains("（@misato_town_fake）", filled.Text.Ja, StringComparison.Ordinal);
        Assert.Contains("公式アカウントの一覧：" + Given.HomepageUrl, filled.Text.Ja, StringComparison.Ordinal);
        Assert.Contains("Our official account is @misato_town (https://x.com/misato_town)", filled.Text.En, StringComparison.Ordinal);
        Assert.Contains("X（旧Twitter）", filled.Text.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_genuine_account_the_placeholders_stay_and_are_named_as_missing()
    {
        var state = Given.Reported(IncidentKind.Impersonation).State;

        var filled = TemplateFilling.Fill(Warning(IncidentKind.Impersonation), state, Given.HomepageUrl);

        Assert.Equal(["officialHandle", "officialUrl"], filled.Missing);
        Assert.Contains("{officialHandle}", filled.Text.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void A_takeover_notice_names_the_account_that_was_taken_over()
    {
        var state = Given.Reported(IncidentKind.AccountTakeover).State;

        var filled = TemplateFilling.Fill(Warning(IncidentKind.AccountTakeover), state, Given.HomepageUrl);

        Assert.Empty(filled.Missing);
        Assert.Contains("公式アカウント（@misato_town）", filled.Text.Ja, StringComparison.Ordinal);
    }
}
