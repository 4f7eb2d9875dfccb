using System.Net.Http.Headers;
using Incidents.Api.Access;
using Incidents.Domain.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Incidents.Testing;

/// <summary>
/// Boots the real service (its Program) on a test database, optionally with a controllable clock and extra settings.
/// Write rate limits are off unless a test's settings turn them on.
/// </summary>
public class ApiFactory(
    string connectionString,
    TimeProvider? time = null,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public ApiFactory(
        TestDatabase database,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
        : this(database.ConnectionString, time, settings, services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Incidents", connectionString);
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(collection =>
        {
            if (time is not null)
            {
                collection.RemoveAll<TimeProvider>();
                collection.AddSingleton(time);
            }

            services?.Invoke(collection);
        });
    }

    /// <summary>Creates a user with the given roles and returns an HTTP client that acts as them.</summary>
    public async Task<HttpClient> ClientForAsync(string name, params Role[] roles)
    {
        var users = Services.GetRequiredService<UserStore>();
        var user = await users.FindByNameAsync(name, CancellationToken.None)
            ?? await users.CreateAsync(name, roles, null, CancellationToken.None);
        var token = await users.IssueTokenAsync(user.Id, null, CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> UserIdAsync(string name) =>
        (await Services.GetRequiredService<UserStore>().FindByNameAsync(name, CancellationToken.None))!.Id.ToString("D");
}
