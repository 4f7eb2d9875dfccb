using System.Net.Http.Headers;
using Incidents.Api.Access;
using Incidents.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Api.Tests.Fuzzing;

/// <summary>
/// What one fuzzing worker's valid requests act on: its own incident (with two statements drafted by someone else),
/// official account and webhook, a user with every role that sends the requests, and a user of its own for the
/// /api/me endpoints, whose token it swaps when a request rotates it. Users and tokens it creates while the run goes
/// on are counted, so the database can be checked to hold exactly what the accepted requests wrote.
/// </summary>
public sealed class FuzzWorld
{
    public const string StepKey = "press-release";
    public const string Projection = "incident-timeline";

    private readonly ApiFactory _factory;
    private readonly HttpClient _setup;
    private readonly Guid _meUserId;
    private int _serial;

    private FuzzWorld(ApiFactory factory, int worker, HttpClient setup, Guid meUserId)
    {
        _factory = factory;
        Worker = worker;
        _setup = setup;
        _meUserId = meUserId;
    }

    public int Worker { get; }

    public string FuzzerToken { get; private set; } = "";

    /// <summary>The token of the worker's /api/me user; a request that rotates it hands over the new one.</summary>
    public string MeToken { get; set; } = "";

    public string IncidentId { get; private set; } = "";

    public string ApprovedStatementId { get; private set; } = "";

    public string RevisedStatementId { get; private set; } = "";

    public string AccountId { get; private set; } = "";

    public string WebhookId { get; private set; } = "";

    public int UsersCreated { get; private set; }

    public int TokensIssued { get; private set; }

    private UserStore Users => _factory.Services.GetRequiredService<UserStore>();

    public static async Task<FuzzWorld> CreateAsync(ApiFactory factory, int worker)
    {
        var staff = await factory.ClientForAsync($"fuzz-drafter-{worker}", Role.Staff);
        var admin = await factory.ClientForAsync("fuzz-setup-admin", Role.Admin);
        var users = factory.Services.GetRequiredService<UserStore>();
        var me = await users.CreateAsync($"fuzz-me-{worker}", [Role.Staff], null, CancellationToken.None);
        var fuzzer = await users.CreateAsync($"fuzzer-{worker}", Enum.GetValues<Role>(), null, CancellationToken.None);
        var world = new FuzzWorld(factory, worker, staff, me.Id)
        {
            FuzzerToken = await users.IssueTokenAsync(fuzzer.Id, null, CancellationToken.None),
            MeToken = await users.IssueTokenAsync(me.Id, null, CancellationToken.None),
        };
        (world.IncidentId, var etag) = await staff.ReportAsync(ApiCalls.ImpersonationReport($"@fuzz_world_{worker}"));
        (etag, var incident) = await staff.CommandAsync(world.IncidentId, "draft-statement", Statement("承認される文面"), etag);
        world.ApprovedStatementId = incident["statements"]![0]!["id"]!.GetValue<string>();
        (_, incident) = await staff.CommandAsync(world.IncidentId, "draft-statement", Statement("改訂される文面"), etag);
        world.RevisedStatementId = incident["statements"]![1]!["id"]!.GetValue<string>();
        world.AccountId = await factory.RegisterOfficialAccountAsync("x", $"@fuzz_official_{worker}", $"https://x.com/fuzz_official_{worker}");
        var webhook = await admin.PostJsonAsync("/api/webhooks", new { url = $"http://127.0.0.1:9/world/{worker}" });
        world.WebhookId = (await webhook.JsonAsync())["subscription"]!["id"]!.GetValue<string>();
        return world;
    }

    /// <summary>A valid route: the world's own incident, account, webhook, statement and step; «user» and «token» for those made per case.</summary>
    public string ValidPath(string route)
    {
        var id = route.StartsWith("/api/accounts", StringComparison.Ordinal) ? AccountId
            : route.StartsWith("/api/webhooks", StringComparison.Ordinal) ? WebhookId
            : IncidentId;
        return route
            .Replace("{id}", id, StringComparison.Ordinal)
            .Replace("{statementId}", route.EndsWith("/approve", StringComparison.Ordinal) ? ApprovedStatementId : RevisedStatementId, StringComparison.Ordinal)
            .Replace("{stepKey}", StepKey, StringComparison.Ordinal)
            .Replace("{tokenId}", "«token»", StringComparison.Ordinal)
            .Replace("{name}", route.StartsWith("/api/admin", StringComparison.Ordinal) ? "«user»" : Projection, StringComparison.Ordinal);
    }

    /// <summary>Fills the placeholders that need something made first: a user to act on, a spare token, a duplicate incident.</summary>
    public async Task<string> FillAsync(string text)
    {
        if (text.Contains("«user»", StringComparison.Ordinal))
        {
            var name = $"fuzz-target-{Worker}-{Interlocked.Increment(ref _serial)}";
            var user = await Users.CreateAsync(name, [Role.Staff], null, CancellationToken.None);
            await Users.IssueTokenAsync(user.Id, null, CancellationToken.None);
            UsersCreated++;
            TokensIssued++;
            text = text.Replace("«user»", name, StringComparison.Ordinal);
        }

        if (text.Contains("«token»", StringComparison.Ordinal))
        {
            var spare = await Users.IssueTokenAsync(_meUserId, null, CancellationToken.None);
            TokensIssued++;
            var (_, tokenId) = (await Users.FindByTokenAsync(spare, CancellationToken.None))!.Value;
            text = text.Replace("«token»", tokenId.ToString("D"), StringComparison.Ordinal);
        }

        if (text.Contains("«duplicate»", StringComparison.Ordinal))
        {
            var (duplicate, _) = await _setup.ReportAsync(ApiCalls.ImpersonationReport($"@fuzz_duplicate_{Worker}_{Interlocked.Increment(ref _serial)}"));
            text = text.Replace("«duplicate»", duplicate, StringComparison.Ordinal);
        }

        return text;
    }

    public AuthenticationHeaderValue AuthorizationFor(string route) =>
        new("Bearer", route.StartsWith("/api/me/", StringComparison.Ordinal) ? MeToken : FuzzerToken);

    private static object Statement(string text) => new { kind = "warning", channels = new[] { "homepage" }, text };
}
