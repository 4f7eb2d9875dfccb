using Incidents.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Incidents.Api.Tests.Support;

/// <summary>The real service with extra configuration, for tests that need a setting (SMTP, worker sizes, overrides).</summary>
public sealed class ConfiguredApiFactory(TestDatabase database, TimeProvider time, IReadOnlyDictionary<string, string?> settings)
    : ApiFactory(database, time)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
