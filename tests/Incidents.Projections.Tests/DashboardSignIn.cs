using System.Net;
using System.Text.RegularExpressions;
using Incidents.Domain.Access;
using Incidents.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Incidents.Projections.Tests;

/// <summary>A browser-like client (cookies, HTTPS, no automatic redirects) signed in to the dashboard with an API token.</summary>
public static partial class DashboardSignIn
{
    public static async Task<HttpClient> AsAsync(ApiFactory node, string name, params Role[] roles)
    {
        var token = (await node.ClientForAsync(name, roles)).DefaultRequestHeaders.Authorization!.Parameter!;
        var browser = node.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var form = FormToken().Match(await browser.GetStringAsync("/dashboard/login")).Groups[1].Value;
        var response = await browser.PostAsync("/dashboard/login", new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("token", token), new KeyValuePair<string, string>("__csrf", form)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
