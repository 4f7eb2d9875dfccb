using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Incidents.Api.Telemetry;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Xunit.Abstractions;

namespace Incidents.Api.Tests.Security;

/// <summary>
/// Tokens, cookies, secrets and personal data go through the service (valid and refused, API and dashboard, into a
/// webhook) while every log entry and every span is kept: none of them may appear in any of those, nor in any table
/// where they do not belong. Observes process-wide span listeners, so it runs alone.
/// </summary>
[Collection(SoloCollection.Name)]
public sealed partial class SecretsStayOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ReporterPhone = "090-1234-5678";
    private const string ReporterEmail = "yamada.taro@example.jp";
    private const string UserEmail = "tanaka.hanako@town.example.jp";
    private const string RefusedSecretField = "refused-field-value-7f3a";
    private const string RefusedPasswordInText = "Hunter2-refused-9c1e";
    private const string UnknownToken = "inc_unknownTokenValue00000000000000000000000001";

    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly LogCapture _logs = new();
    private TestDatabase _database = null!;
    private WebhookReceiver _receiver = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("secrets");
        _receiver = await WebhookReceiver.StartAsync();
        _factory = new ApiFactory(_database, services: services =>
        {
            services.AddSingleton(new TelemetrySink(new SimpleActivityExportProcessor(new SpanCollector(_spans)), null));
            services.AddLogging(logging => logging.AddProvider(_logs).AddFilter<LogCapture>(null, LogLevel.Trace));
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Tokens_cookies_secrets_and_personal_data_reach_no_log_no_span_and_no_table_they_do_not_belong_in()
    {
        var admin = await _factory.ClientForAsync("kobayashi", Role.Admin);
        var staff = await _factory.ClientForAsync("alice", Role.Staff);
        var hook = await (await admin.PostJsonAsync("/api/webhooks", new { url = _receiver.Url })).JsonAsync();
        var created = await (await admin.PostJsonAsync("/api/admin/users", new { name = "tanaka", roles = new[] { "department-head" }, email = UserEmail })).JsonAsync();
        var tanakaToken = created["token"]!["token"]!.GetValue<string>();

        var (id, etag) = await staff.ReportAsync(new
        {
            kind = "impersonation", platform = "x", accountHandle = "@fake_town", whatWasSeen = "偽アカウント",
            reporterContact = $"{ReporterPhone} {ReporterEmail}",
        });
        var delivery = await _receiver.NextOfTypeAsync("jp.incidents.incident.reported");
        var refusedField = await staff.PostJsonAsync($"/api/incidents/{id}/request-takedown", new { reference = "X", password = RefusedSecretField }, etag);
        var refusedText = await staff.PostJsonAsync($"/api/incidents/{id}/request-takedown", new { reference = $"password: {RefusedPasswordInText}" }, etag);
        var unknown = _factory.CreateClient();
        unknown.DefaultRequestHeaders.Authorization = new("Bearer", UnknownToken);
        var refusedToken = await unknown.GetAsync("/api/incidents");
        var rotated = await (await staff.PostJsonAsync("/api/me/tokens/rotate", null)).JsonAsync();

        var browser = DashboardBrowser.Create(_factory);
        var loginPage = await browser.GetAsync("/dashboard/login");
        var loginForm = DashboardBrowser.FormTokenIn(await loginPage.Content.ReadAsStringAsync());
        var login = await browser.PostAsync("/dashboard/login", DashboardBrowser.Form(("token", tanakaToken), ("__csrf", loginForm)));
        var formToken = await browser.FormTokenAsync($"/dashboard/incidents/{id}");
        var acknowledged = await browser.PostAsync($"/dashboard/incidents/{id}/acknowledge", DashboardBrowser.Form(("__csrf", formToken), ("version", "5")));
        await browser.PostAsync("/dashboard/logout", DashboardBrowser.Form(("__csrf", formToken)));
        var cookies = loginPage.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie"))
            .Select(c => CookieValue().Match(c).Groups[1].Value).Where(v => v.Length >= 20).ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedField.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedText.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.True(cookies.Count >= 2, "the anti-forgery cookie and the session cookie");
        var deliveredBody = Encoding.UTF8.GetString(delivery.Body);
        Assert.DoesNotContain(ReporterPhone, deliveredBody);
        Assert.DoesNotContain(ReporterEmail, deliveredBody);

        var secrets = new Dictionary<string, string>
        {
            ["administrator's token"] = admin.DefaultRequestHeaders.Authorization!.Parameter!,
            ["staff token"] = staff.DefaultRequestHeaders.Authorization!.Parameter!,
            ["rotated token"] = rotated["token"]!.GetValue<string>(),
            ["token of a created user"] = tanakaToken,
            ["unknown token"] = UnknownToken,
            ["webhook secret"] = hook["secret"]!.GetValue<string>(),
            ["anti-forgery form token"] = formToken,
            ["refused secret field"] = RefusedSecretField,
            ["refused password in text"] = RefusedPasswordInText,
            ["reporter's phone"] = ReporterPhone,
            ["reporter's e-mail"] = ReporterEmail,
            ["user's e-mail"] = UserEmail,
        };
        foreach (var (cookie, i) in cookies.Select((c, i) => (c, i)))
        {
            secrets[$"cookie {i}"] = cookie;
        }

        await _factory.DisposeAsync();
        var logs = _logs.Entries.ToList();
        var spans = _spans.Select(Describe).ToList();
        output.WriteLine($"{logs.Count} log entries and {spans.Count} spans searched for: {string.Join(", ", secrets.Keys)}");
        foreach (var (what, value) in secrets)
        {
            var inLog = logs.FirstOrDefault(l => l.Contains(value, StringComparison.Ordinal));
            var inSpan = spans.FirstOrDefault(s => s.Contains(value, StringComparison.Ordinal));
            Assert.True(inLog is null, $"the {what} is in a log entry: {inLog}");
            Assert.True(inSpan is null, $"the {what} is in a span: {inSpan}");
        }

        // Stored only where they belong: the webhook's signing secret with its subscription, personal data with its
        // record (the e-mail with the user, the reporter's contact in the events), nothing else anywhere.
        string[] storedWhereTheyBelong = ["webhook secret", "reporter's phone", "reporter's e-mail", "user's e-mail"];
        var stored = await TableText.FindAsync(_database, [.. secrets.Where(s => !storedWhereTheyBelong.Contains(s.Key)).Select(s => s.Value)]);
        Assert.True(stored.Count == 0, "stored where it must not be: " + string.Join("; ", stored));
        Assert.Equal(["webhook_subscriptions.secret"], await TableText.FindAsync(_database, [secrets["webhook secret"]]));
        Assert.Equal(["users.email"], await TableText.FindAsync(_database, [UserEmail]));
        Assert.Equal(["events.data"], await TableText.FindAsync(_database, [ReporterPhone, ReporterEmail]));
    }

    private static string Describe(Activity span) =>
        $"{span.Source.Name} {span.DisplayName} {span.StatusDescription} " +
        string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
        string.Join(' ', span.Events.Select(e => e.Name + " " + string.Join(' ', e.Tags.Select(t => $"{t.Key}={t.Value}")))) + " " +
        string.Join(' ', span.Baggage.Select(b => $"{b.Key}={b.Value}"));

    [GeneratedRegex("^[^=]+=([^;]*)")]
    private static partial Regex CookieValue();

    private sealed class SpanCollector(ConcurrentQueue<Activity> into) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var span in batch)
            {
                into.Enqueue(span);
            }

            return ExportResult.Success;
        }
    }
}
