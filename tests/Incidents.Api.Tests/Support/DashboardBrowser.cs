using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Incidents.Api.Tests;

/// <summary>An HTTP client that behaves like a browser on the dashboard: HTTPS, cookies kept, redirects not followed.</summary>
public static partial class DashboardBrowser
{
    public static HttpClient Create(ApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });

    /// <summary>Signs in with an API token through the login form; returns the form token the session's forms carry.</summary>
    public static async Task<string> SignInAsync(this HttpClient browser, string token)
    {
        var response = await browser.PostAsync("/dashboard/login", Form(("token", token), ("__csrf", await browser.FormTokenAsync("/dashboard/login"))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await browser.FormTokenAsync("/dashboard");
    }

    public static async Task<string> FormTokenAsync(this HttpClient browser, string path) => FormTokenIn(await browser.GetStringAsync(path));

    public static string FormTokenIn(string html) => FormTokenField().Match(html).Groups[1].Value;

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
