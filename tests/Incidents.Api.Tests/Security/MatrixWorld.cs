using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Incidents.Api.Access;
using Incidents.Api.Access.Matrix;
using Incidents.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Api.Tests.Security;

/// <summary>
/// What the matrix walk's requests name: an incident with two statements drafted by someone outside the walk, a
/// duplicate to merge, an official account, a webhook; one user per role; and a valid request for every row.
/// </summary>
public sealed class MatrixWorld
{
    public const string StepKey = "press-release";
    public const string Projection = "incident-timeline";

    private readonly ApiFactory _factory;
    private readonly Dictionary<Role, Guid> _walkers = [];
    private int _serial;

    private MatrixWorld(ApiFactory factory) => _factory = factory;

    public string IncidentId { get; private set; } = "";

    public string DuplicateId { get; private set; } = "";

    /// <summary>Approved during the walk; nobody who walks wrote it, so four-eyes never refuses them.</summary>
    public string ApprovedStatementId { get; private set; } = "";

    /// <summary>Revised and published during the walk.</summary>
    public string RevisedStatementId { get; private set; } = "";

    public string AccountId { get; private set; } = "";

    public string WebhookId { get; private set; } = "";

    private UserStore Users => _factory.Services.GetRequiredService<UserStore>();

    public static async Task<MatrixWorld> CreateAsync(ApiFactory factory)
    {
        var world = new MatrixWorld(factory);
        var staff = await factory.ClientForAsync("world-staff", Role.Staff);
        var admin = await factory.ClientForAsync("world-admin", Role.Admin);
        (world.IncidentId, var etag) = await staff.ReportAsync(ApiCalls.ImpersonationReport("@walk_fake"));
        (world.DuplicateId, _) = await staff.ReportAsync(ApiCalls.ImpersonationReport("@walk_fake_2"));
        (etag, var incident) = await staff.CommandAsync(world.IncidentId, "draft-statement", Statement("承認される文面"), etag);
        world.ApprovedStatementId = incident["statements"]![0]!["id"]!.GetValue<string>();
        (_, incident) = await staff.CommandAsync(world.IncidentId, "draft-statement", Statement("改訂される文面"), etag);
        world.RevisedStatementId = incident["statements"]![1]!["id"]!.GetValue<string>();
        world.AccountId = await factory.RegisterOfficialAccountAsync("x", "@walk_official", "https://x.com/walk_official");
        var webhook = await admin.PostJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/walk" });
        world.WebhookId = (await webhook.JsonAsync())["subscription"]!["id"]!.GetValue<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            world._walkers[role] = (await world.Users.CreateAsync($"walker-{RoleNames.Of(role)}", [role], null, CancellationToken.None)).Id;
        }

        return world;
    }

    /// <summary>A new token for the role's walker, so that rotating or revoking it spoils no later request.</summary>
    public Task<string> TokenForAsync(Role role) => Users.IssueTokenAsync(_walkers[role], null, CancellationToken.None);

    /// <summary>A well-formed request to the row's endpoint, made with <paramref name="token"/> (also its subject where the route names a token).</summary>
    public async Task<HttpRequestMessage> RequestAsync(EndpointRule rule, string token)
    {
        var path = await PathAsync(rule, token);
        var request = new HttpRequestMessage(rule.Method == "*" ? HttpMethod.Get : new HttpMethod(rule.Method), path);
        if (rule.Method == "POST" && BodyOf(rule) is { } body)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (rule.Method == "POST" && rule.Route.Contains("{id}", StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("If-Match", "*");
        }

        return request;
    }

    public static HttpRequestMessage WithToken(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<string> PathAsync(EndpointRule rule, string token)
    {
        var route = rule.Route;
        var id = route.StartsWith("/api/accounts", StringComparison.Ordinal) ? AccountId
            : route.StartsWith("/api/webhooks", StringComparison.Ordinal) ? WebhookId
            : IncidentId;
        var name = route.StartsWith("/api/admin/users", StringComparison.Ordinal) ? await ThrowawayUserAsync()
            : route.StartsWith("/dashboard/assets", StringComparison.Ordinal) ? "dashboard.css"
            : Projection;
        var statement = route.EndsWith("/approve", StringComparison.Ordinal) ? ApprovedStatementId : RevisedStatementId;
        var tokenId = route.Contains("{tokenId}", StringComparison.Ordinal)
            ? (await Users.FindByTokenAsync(token, CancellationToken.None))!.Value.TokenId.ToString("D")
            : "";
        var query = route == "/api/public/official-accounts/check" ? "?platform=x&handle=%40walk_official" : "";
        return route
            .Replace("{id}", id, StringComparison.Ordinal)
            .Replace("{statementId}", statement, StringComparison.Ordinal)
            .Replace("{stepKey}", StepKey, StringComparison.Ordinal)
            .Replace("{tokenId}", tokenId, StringComparison.Ordinal)
            .Replace("{name}", name, StringComparison.Ordinal)
            .Replace("{operation}", "resume", StringComparison.Ordinal)
            .Replace("{language}", "en", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal) + query;
    }

    private async Task<string> ThrowawayUserAsync()
    {
        var name = $"throwaway-{Interlocked.Increment(ref _serial)}";
        await Users.CreateAsync(name, [Role.Staff], null, CancellationToken.None);
        return name;
    }

    private object? BodyOf(EndpointRule rule) => rule.Route switch
    {
        "/api/admin/users" => new { name = $"created-{Interlocked.Increment(ref _serial)}", roles = new[] { "staff" } },
        "/api/incidents" => ApiCalls.ImpersonationReport("@walk_fake"),
        "/api/incidents/{id}/assign" or "/api/incidents/{id}/steps/{stepKey}/assign" => new { assignee = "alice" },
        "/api/incidents/{id}/steps/{stepKey}/complete" => new { note = "済み" },
        "/api/incidents/{id}/steps/{stepKey}/waive" => new { reason = "ホームページでの注意喚起で十分" },
        "/api/incidents/{id}/report-to-officers" => new { recipients = new[] { "ciso" } },
        "/api/incidents/{id}/request-takedown" => new { reference = "X report 1" },
        "/api/incidents/{id}/record-platform-answer" => new { outcome = "acknowledged" },
        "/api/incidents/{id}/record-password-rotation" => new { note = "管理画面で変更" },
        "/api/incidents/{id}/record-deleted-posts" => new { postUrls = new[] { "https://x.com/walk_fake/status/2" } },
        "/api/incidents/{id}/record-pc-scan" => new { deviceName = "PC-01", result = "clean" },
        "/api/incidents/{id}/record-police-contact" => new { station = "美里警察署" },
        "/api/incidents/{id}/record-spread-check" => new { spread = false },
        "/api/incidents/{id}/draft-statement" => Statement("偽アカウントにご注意ください"),
        "/api/incidents/{id}/statements/{statementId}/revise" => new { text = $"改訂 {Interlocked.Increment(ref _serial)}" },
        "/api/incidents/{id}/statements/{statementId}/publish" => new { },
        "/api/incidents/{id}/resolve" => new { summary = "削除された" },
        "/api/incidents/{id}/reopen" => new { reason = "再発" },
        "/api/incidents/{id}/link-genuine-account" => new { genuineAccount = "@walk_official" },
        "/api/incidents/{id}/merge" => new { duplicateId = DuplicateId },
        "/api/accounts" => OfficialAccountRegistration.OpenBody("facebook", "walk.town", "https://www.facebook.com/walk.town"),
        "/api/accounts/{id}/change" => new { approvedBy = "総務課長", purpose = "防災情報を届ける" },
        "/api/accounts/{id}/verified-badge" => new { verified = true },
        "/api/accounts/{id}/notify-abolition" => new { reason = "purpose-achieved" },
        "/api/accounts/{id}/close" => new { },
        "/api/accounts/{id}/close-now" => new { threat = "乗っ取られた" },
        "/api/webhooks" => new { url = "http://127.0.0.1:9/walk" },
        _ => null,
    };

    private static object Statement(string text) => new { kind = "warning", channels = new[] { "homepage" }, text };
}
