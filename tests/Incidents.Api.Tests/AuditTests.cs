using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

public sealed class AuditTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_admin_lists_who_did_what_and_when_across_incidents()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var hiroshi = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin);
        var (first, etag) = await alice.ReportAsync(ApiCalls.ImpersonationReport("@one"));
        await alice.ReportAsync(ApiCalls.ImpersonationReport("@two"));
        await hiroshi.CommandAsync(first, "acknowledge", null, etag);

        var all = (await (await admin.GetAsync("/api/audit")).JsonAsync())["items"]!.AsArray();
        var byHiroshi = (await (await admin.GetAsync($"/api/audit?actor={await fixture.Factory.UserIdAsync("hiroshi")}")).JsonAsync())["items"]!.AsArray();

        Assert.Equal(11, all.Count);
        Assert.Equal("incident-acknowledged", all[0]!["type"]!.GetValue<string>());
        Assert.Equal("hiroshi", all[0]!["actorName"]!.GetValue<string>());
        Assert.Equal("department-head", all[0]!["actorRole"]!.GetValue<string>());
        Assert.Equal(2, all.Select(e => e!["streamId"]!.GetValue<string>()).Distinct().Count());
        Assert.Single(byHiroshi);
    }

    [Fact]
    public async Task Staff_cannot_read_the_audit_log()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);

        await (await alice.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
