using Incidents.Domain.Access;

namespace Incidents.Api.Tests.Security;

/// <summary>Reporters' contact details on the dashboard: shown to the officers who follow up, to nobody else.</summary>
public sealed class ReporterContactTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string First = "内線 1234 yamada@town.example.jp";
    private const string Later = "090-9876-5432";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Role.Staff, false)]
    [InlineData(Role.PublishingOfficer, false)]
    [InlineData(Role.Admin, false)]
    [InlineData(Role.Automation, false)]
    [InlineData(Role.DepartmentHead, true)]
    [InlineData(Role.SecurityManager, true)]
    [InlineData(Role.Ciso, true)]
    public async Task The_incident_page_shows_reporters_contacts_only_to_the_officers_who_follow_up(Role role, bool sees)
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var bob = await fixture.Factory.ClientForAsync("bob", Role.Staff);
        var (id, _) = await alice.ReportAsync(Report(First, "偽アカウントを見つけた"));
        await bob.PostJsonAsync("/api/incidents", Report(Later, "同じ偽アカウントから DM が来た"));
        var viewer = await fixture.Factory.ClientForAsync($"viewer-{role}", role);
        var browser = DashboardBrowser.Create(fixture.Factory);
        await browser.SignInAsync(viewer.DefaultRequestHeaders.Authorization!.Parameter!);

        var page = await browser.GetStringAsync($"/dashboard/incidents/{id}");

        Assert.Contains("同じ偽アカウントから DM が来た", page);
        Assert.Equal(sees, page.Contains("yamada@town.example.jp", StringComparison.Ordinal));
        Assert.Equal(sees, page.Contains(Later, StringComparison.Ordinal));
    }

    private static object Report(string contact, string seen) => new
    {
        kind = "impersonation", platform = "x", accountHandle = "@fake_contact", whatWasSeen = seen, reporterContact = contact,
    };
}
