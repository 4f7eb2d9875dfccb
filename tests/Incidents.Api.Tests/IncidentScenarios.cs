using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

/// <summary>Longer paths through the API that several tests need.</summary>
public static class IncidentScenarios
{
    /// <summary>Records every fact an impersonation's mandatory steps need, the way people would, then closes it.</summary>
    public static async Task<string> CloseImpersonationAsync(this ApiFixture fixture, string id, string etag)
    {
        var staff = await fixture.Factory.ClientForAsync("closer-staff", Role.Staff);
        var officer = await fixture.Factory.ClientForAsync("closer-officer", Role.PublishingOfficer);
        var ciso = await fixture.Factory.ClientForAsync("closer-ciso", Role.Ciso);
        (etag, _) = await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "ciso", "department-head", "general-affairs" } }, etag);
        (etag, _) = await staff.CommandAsync(id, "request-takedown", new { targetUrl = "https://x.com/fake_misato" }, etag);
        (etag, _) = await staff.CommandAsync(id, "record-platform-answer", new { outcome = "removed" }, etag);
        (etag, var incident) = await staff.CommandAsync(id, "draft-statement", new { kind = "warning", channels = new[] { "homepage" }, text = "偽アカウントにご注意ください" }, etag);
        var statement = incident["statements"]!.AsArray()[^1]!["id"]!.GetValue<string>();
        (etag, _) = await officer.CommandAsync(id, $"statements/{statement}/approve", null, etag);
        (etag, _) = await staff.CommandAsync(id, $"statements/{statement}/publish", new { }, etag);
        (etag, _) = await ciso.CommandAsync(id, "close", null, etag);
        return etag;
    }
}
