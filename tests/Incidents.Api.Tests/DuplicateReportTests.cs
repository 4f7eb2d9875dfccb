using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

/// <summary>Reports of an account that already has an open incident join it instead of opening another.</summary>
public sealed class DuplicateReportTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Report(string handle, string seen, string? url = null) => new
    {
        kind = "impersonation",
        platform = "x",
        accountHandle = handle,
        accountUrl = url,
        whatWasSeen = seen,
        evidenceUrls = new[] { $"https://x.com/fake_misato/status/{seen.Length}" },
        reporterContact = "内線 1234",
    };

    [Fact]
    public async Task Twenty_concurrent_reports_of_one_fake_account_make_one_incident_with_twenty_reports()
    {
        string[] forms = ["@fake_misato", "fake_misato", "@Fake_Misato", "https://x.com/fake_misato", "twitter.com/Fake_Misato/", "https://mobile.twitter.com/fake_misato?s=20", "＠ｆａｋｅ_misato"];
        var reporters = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            reporters.Add(await fixture.Factory.ClientForAsync($"staff{i:D2}", Role.Staff));
        }

        var responses = await Task.WhenAll(reporters.Select((client, i) =>
            Task.Run(() => client.PostJsonAsync("/api/incidents", Report(forms[i % forms.Length], $"偽アカウントを見た（{i}人目）")))));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var joined = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(19, joined.Count);
        var location = created.Headers.Location!.ToString();
        Assert.All(joined, r => Assert.Equal(location, r.Headers.Location?.ToString()));
        foreach (var response in joined)
        {
            Assert.True((await response.JsonAsync())["joined"]!.GetValue<bool>());
        }

        var incident = await (await reporters[0].GetAsync(location)).JsonAsync();
        Assert.Equal(20, incident["reportCount"]!.GetValue<int>());
        Assert.Equal(19, incident["additionalReports"]!.AsArray().Count);
        Assert.Equal(19, incident["additionalReports"]!.AsArray().Select(r => r!["by"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(1, await fixture.Database.IncidentStreamsAsync());
        Assert.Equal(1, await fixture.Database.CountAsync("incident_summaries"));
        Assert.Equal(1, await fixture.Database.CountAsync("open_incident_accounts"));
        var timeline = (await (await reporters[0].GetAsync(location + "/timeline")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(19, timeline.Count(e => e!["type"]!.GetValue<string>() == "additional-report-received"));
    }

    [Fact]
    public async Task A_joined_report_answers_200_with_the_incident_it_joined_and_keeps_the_reporters_own_words()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var bob = await fixture.Factory.ClientForAsync("bob", Role.Staff);
        var (id, _) = await alice.ReportAsync(Report("@fake_misato", "給付金の案内を投稿している"));

        var response = await bob.PostJsonAsync("/api/incidents", Report("https://x.com/Fake_Misato/", "DMで個人情報を聞いてきた", "https://x.com/Fake_Misato/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/api/incidents/{id}", response.Headers.Location?.ToString());
        var body = await response.JsonAsync();
        Assert.True(body["joined"]!.GetValue<bool>());
        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal(2, body["reportCount"]!.GetValue<int>());
        var added = body["additionalReports"]![0]!;
        Assert.Equal(("DMで個人情報を聞いてきた", "https://x.com/Fake_Misato/"), (added["whatWasSeen"]!.GetValue<string>(), added["accountHandle"]!.GetValue<string>()));
        Assert.Null(added["reporterContact"]);
        Assert.Equal(await fixture.Factory.UserIdAsync("bob"), added["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_join_with_its_idempotency_key_is_replayed_and_recorded_once()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var bob = await fixture.Factory.ClientForAsync("bob", Role.Staff);
        var (id, _) = await alice.ReportAsync(Report("@fake_misato", "一人目"));

        var first = await bob.PostJsonAsync("/api/incidents", Report("@fake_misato", "二人目"), idempotencyKey: "bob-1");
        var retry = await bob.PostJsonAsync("/api/incidents", Report("@fake_misato", "二人目"), idempotencyKey: "bob-1");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.JsonAsync()).ToJsonString(), (await retry.JsonAsync()).ToJsonString());
        var (_, incident) = await alice.GetIncidentAsync(id);
        Assert.Equal(2, incident["reportCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_the_incident_closes_a_new_report_of_the_account_opens_a_new_incident()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (first, etag) = await staff.ReportAsync(Report("@fake_misato", "一度目"));
        await fixture.CloseImpersonationAsync(first, etag);

        var again = await staff.PostJsonAsync("/api/incidents", Report("@fake_misato", "また現れた"));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual($"/api/incidents/{first}", again.Headers.Location?.ToString());
        Assert.Equal(1, await fixture.Database.CountAsync("open_incident_accounts"));
    }

    [Fact]
    public async Task A_report_of_another_kind_about_the_same_account_is_its_own_incident()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await staff.ReportAsync(Report("@fake_misato", "成りすまし"));

        var hoax = await staff.PostJsonAsync("/api/incidents", new
        {
            kind = "hoax", platform = "x", accountHandle = "@fake_misato", whatWasSeen = "町が断水するというデマを流している",
        });

        Assert.Equal(HttpStatusCode.Created, hoax.StatusCode);
        Assert.Equal(2, await fixture.Database.IncidentStreamsAsync());
    }

    [Fact]
    public async Task Reopening_an_incident_whose_account_another_open_incident_now_covers_is_refused()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var (first, etag) = await staff.ReportAsync(Report("@fake_misato", "一度目"));
        etag = await fixture.CloseImpersonationAsync(first, etag);
        await staff.ReportAsync(Report("@fake_misato", "また現れた"));
        var before = await RowCounts.TakeAsync(fixture.Database);

        var reopen = await ciso.PostJsonAsync($"/api/incidents/{first}/reopen", new { reason = "再発" }, etag);

        Assert.Equal("account-has-open-incident", (await reopen.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    [Fact]
    public async Task Additional_reporters_contact_details_are_shown_only_to_officers_who_follow_up()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var bob = await fixture.Factory.ClientForAsync("bob", Role.Staff);
        var manager = await fixture.Factory.ClientForAsync("kenji", Role.SecurityManager);
        var (id, _) = await alice.ReportAsync(Report("@fake_misato", "一人目"));
        await bob.PostJsonAsync("/api/incidents", new
        {
            kind = "impersonation", platform = "x", accountHandle = "@fake_misato", whatWasSeen = "二人目", reporterContact = "内線 9876",
        });

        var forStaff = await (await alice.GetAsync($"/api/incidents/{id}/timeline")).Content.ReadAsStringAsync();
        var forManager = await (await manager.GetAsync($"/api/incidents/{id}/timeline")).Content.ReadAsStringAsync();
        var (_, seenByStaff) = await alice.GetIncidentAsync(id);
        var (_, seenByManager) = await manager.GetIncidentAsync(id);

        Assert.DoesNotContain("内線 9876", forStaff, StringComparison.Ordinal);
        Assert.Contains("内線 9876", forManager, StringComparison.Ordinal);
        Assert.Null(seenByStaff["additionalReports"]![0]!["reporterContact"]);
        Assert.Equal("内線 9876", seenByManager["additionalReports"]![0]!["reporterContact"]!.GetValue<string>());
    }
}
