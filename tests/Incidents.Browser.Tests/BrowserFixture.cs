using Incidents.Api.Access;
using Incidents.Domain.Access;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Incidents.Browser.Tests;

/// <summary>
/// One service on Kestrel with a controllable clock, and Debian's Chromium driven by Playwright (its own browsers
/// cannot be downloaded here). Each test opens its own browser context: its own cookies, its own session.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright _playwright = null!;

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero));

    public TestDatabase Database { get; private set; } = null!;

    public KestrelNode Node { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Incidents.sln")))
            {
                folder = folder.Parent;
            }

            var screenshots = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
            Directory.CreateDirectory(screenshots);
            return screenshots;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: scripts/test.sh installs Debian's chromium package.");
        }

        Database = await TestDatabase.CreateAsync("browser");
        Node = new KestrelNode(Database, Clock);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>A fresh browser context (no cookies) with a laptop-sized window, or the given size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Node.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>Creates the user if needed and issues a token, as an administrator would with 'users add'.</summary>
    public async Task<string> TokenForAsync(string name, params Role[] roles)
    {
        var users = Node.Services.GetRequiredService<UserStore>();
        var user = await users.FindByNameAsync(name, CancellationToken.None) ?? await users.CreateAsync(name, roles, null, CancellationToken.None);
        return await users.IssueTokenAsync(user.Id, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Node.DisposeAsync();
        await Database.DisposeAsync();
    }
}
