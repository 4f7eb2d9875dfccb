using Incidents.Api.Runbooks;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Microsoft.Extensions.Configuration;

namespace Incidents.Api.Tests.Runbooks;

public sealed class RunbookOverridesConfigurationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void Without_overrides_the_service_runs_the_default_runbooks()
    {
        var catalog = RunbookOverridesConfiguration.Catalog(Settings());

        Assert.Equal(Domain.Runbooks.RunbookCatalog.Default.All, catalog.All);
    }

    [Fact]
    public void A_deadline_and_a_whole_ladder_can_be_overridden_per_kind_and_step()
    {
        var catalog = RunbookOverridesConfiguration.Catalog(Settings(
            ("Runbooks:Overrides:account-takeover:rotate-password:Deadline", "20m"),
            ("Runbooks:Overrides:account-takeover:rotate-password:Ladder:RepeatEvery", "01:00:00"),
            ("Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:0:After", "0m"),
            ("Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:0:Notify", "security-manager"),
            ("Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:1:After", "10m"),
            ("Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:1:Notify", "ciso"),
            ("Runbooks:Overrides:Impersonation:await-platform-answer:Deadline", "3d")));

        var rotate = catalog.For(IncidentKind.AccountTakeover).Step("rotate-password")!;
        Assert.Equal(TimeSpan.FromMinutes(20), rotate.Deadline);
        Assert.Equal([(TimeSpan.Zero, Role.SecurityManager), (TimeSpan.FromMinutes(10), Role.Ciso)], rotate.Ladder.Rungs.Select(r => (r.After, r.Notify)));
        Assert.Equal(TimeSpan.FromHours(1), rotate.Ladder.RepeatEvery);
        Assert.Equal(TimeSpan.FromDays(3), catalog.For(IncidentKind.Impersonation).Step("await-platform-answer")!.Deadline);
    }

    [Theory]
    [InlineData("Runbooks:Overrides:flood:rotate-password:Deadline", "1h", "not an incident kind")]
    [InlineData("Runbooks:Overrides:account-takeover:rotate-pasword:Deadline", "1h", "rotate-password")]
    [InlineData("Runbooks:Overrides:account-takeover:rotate-password:Deadline", "soon", "not a duration")]
    [InlineData("Runbooks:Overrides:account-takeover:rotate-password:Deadline", "0m", "longer than zero")]
    [InlineData("Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:0:After", "0m", "Notify")]
    [InlineData("Runbooks:Overrides:account-takeover:rotate-password:Ladder:RepeatEvery", "5s", "once a minute")]
    public void A_mistake_names_the_setting_and_what_is_wrong(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RunbookOverridesConfiguration.Catalog(Settings((key, value))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("Runbooks:Overrides", error.Message, StringComparison.Ordinal);
    }
}
