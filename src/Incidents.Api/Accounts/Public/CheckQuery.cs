using Incidents.Api.Accounts.Views;
using Incidents.Api.Http;
using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Incidents;
using Incidents.Projections;

namespace Incidents.Api.Accounts.Public;

/// <summary>
/// What the check is asked about: a platform with a handle, or a profile URL (whose host names the platform; a
/// platform given as well must agree). URL shorteners are refused (000 §6(3)).
/// </summary>
public static class CheckQuery
{
    private const int MaxLength = 2048;

    public static AccountKey Parse(string? platformText, string? handle, string? url)
    {
        var platform = ParsePlatform(platformText);
        var hasHandle = !string.IsNullOrWhiteSpace(handle);
        var hasUrl = !string.IsNullOrWhiteSpace(url);
        if (hasHandle == hasUrl)
        {
            throw Problems.BadRequest("invalid-query", "Give either 'handle' (with 'platform') or 'url', not both and not neither.");
        }

        if ((handle ?? url)!.Length > MaxLength)
        {
            throw Problems.BadRequest("invalid-query", $"The handle or URL is longer than {MaxLength} characters.");
        }

        if (hasHandle && platform is null)
        {
            throw Problems.BadRequest("invalid-query", $"A handle needs its platform: add 'platform', one of {Allowed}.");
        }

        var result = hasUrl ? AccountKey.FromUrl(url!, platform) : AccountKey.Parse(platform!.Value, handle!);
        return result.Key ?? throw Problems.Unprocessable(result.Refusal!.Code, result.Refusal.Message);
    }

    public static Platform? ParsePlatform(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : WireEnum.TryParse<Platform>(text) ?? throw Problems.BadRequest("invalid-query", $"'platform' must be one of {Allowed}.");

    private static string Allowed => string.Join(", ", Enum.GetValues<Platform>().Select(p => WireName.Of(p)));
}
