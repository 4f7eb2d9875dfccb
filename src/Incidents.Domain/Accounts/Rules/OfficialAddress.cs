using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Accounts.Rules;

/// <summary>
/// What makes an official account's address trustworthy: the handle and the profile URL name the same account, and
/// neither it nor the homepage page that introduces it goes through a URL shortener (000 §6(3)).
/// </summary>
public static class OfficialAddress
{
    public static Refusal? Check(Platform platform, string handle, string url, string? homepageUrl)
    {
        if (UrlShorteners.Check(homepageUrl) is { } shortenedHomepage)
        {
            return shortenedHomepage;
        }

        var fromUrl = AccountKey.FromUrl(url, platform);
        if (fromUrl.Refusal is { } badUrl)
        {
            return badUrl;
        }

        if (platform == Platform.Other)
        {
            return AccountKey.FromHandle(platform, handle).Refusal;
        }

        var fromHandle = AccountKey.Parse(platform, handle);
        if (fromHandle.Refusal is { } badHandle)
        {
            return badHandle;
        }

        return fromHandle.Key == fromUrl.Key
            ? null
            : Refusal.Invalid(
                "url-does-not-match-handle",
                $"The URL names the account '{fromUrl.Key!.Handle}', not '{fromHandle.Key!.Handle}'. Give the profile URL of this handle.");
    }

    /// <summary>
    /// The registry's key for an account: from its handle, except on "other" platforms, where only the profile URL
    /// says unambiguously which service and account it is.
    /// </summary>
    public static AccountKey KeyOf(Platform platform, string handle, string url) =>
        platform == Platform.Other && AccountKey.FromUrl(url, platform).Key is { } byUrl ? byUrl : AccountKey.Of(platform, handle);
}
