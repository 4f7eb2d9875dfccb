using System.Net;
using Incidents.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Browser.Tests;

/// <summary>
/// The real service on Kestrel, on a free loopback port, so a real browser can reach it. Its deadline timer worker is
/// off: the tests escalate steps themselves, at the moments they choose.
/// </summary>
public sealed class KestrelNode : ApiFactory
{
    public KestrelNode(TestDatabase database, TimeProvider time)
        : base(database, time)
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Deadlines:Workers", "0");
    }
}
