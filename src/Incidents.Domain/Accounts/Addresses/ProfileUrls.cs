using System.Collections.Frozen;
using System.Web;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Accounts.Addresses;

/// <summary>Reads the account out of a profile URL, for the URL forms each platform uses.</summary>
internal static class ProfileUrls
{
    private static readonly string[] HostPrefixes = ["www.", "mobile.", "m.", "web.", "touch."];

    private static readonly FrozenDictionary<string, Platform> PlatformHosts = new Dictionary<string, Platform>
    {
        ["x.com"] = Platform.X,
        ["twitter.com"] = Platform.X,
        ["facebook.com"] = Platform.Facebook,
        ["fb.com"] = Platform.Facebook,
        ["instagram.com"] = Platform.Instagram,
        ["instagr.am"] = Platform.Instagram,
        ["youtube.com"] = Platform.Youtube,
        ["line.me"] = Platform.Line,
        ["page.line.me"] = Platform.Line,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>First path segments that are pages of the platform, not accounts.</summary>
    private static readonly FrozenSet<string> XPages = Set(
        "i", "home", "search", "explore", "intent", "share", "hashtag", "settings", "messages", "notifications", "compose",
        "login", "signup", "tos", "privacy");

    private static readonly FrozenSet<string> InstagramPages = Set("p", "reel", "reels", "explore", "accounts", "tv", "direct", "stories");

    private static readonly FrozenSet<string> FacebookPages = Set(
        "groups", "watch", "events", "share", "sharer", "sharer.php", "story.php", "photo", "photo.php", "permalink.php", "login",
        "home.php", "marketplace", "gaming", "reel", "hashtag", "profile.php", "people", "pages");

    public static AccountKeyResult Read(string text, Platform? expected)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return Refusal.Invalid("invalid-url", "This is not an http or https address; give the account's profile URL or its handle.");
        }

        var host = WithoutPrefix(uri.Host.ToLowerInvariant());
        if (UrlShorteners.IsShortener(host))
        {
            return UrlShorteners.Refused(host);
        }

        var platform = PlatformHosts.GetValueOrDefault(host, Platform.Other);
        if (expected is { } wanted && wanted != platform)
        {
            return Refusal.Invalid(
                "platform-mismatch", $"{host} is not an address on {wanted}; give the account's {wanted} profile URL, or its handle.");
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var handle = platform switch
        {
            Platform.X => First(segments, XPages),
            Platform.Instagram => segments is ["stories", var owner, ..] ? owner : First(segments, InstagramPages),
            Platform.Facebook => Facebook(segments, uri.Query),
            Platform.Youtube => YouTube(segments),
            Platform.Line => host == "page.line.me" ? segments.FirstOrDefault() : Line(segments),
            _ => string.Join('/', [host, .. segments]),
        };

        return handle is null
            ? Refusal.Invalid(
                "not-a-profile-url",
                $"This {platform} address is not an account's profile page (a post, a search, a settings page…). Give the profile URL or the handle.")
            : AccountKey.FromHandle(platform, handle);
    }

    private static string WithoutPrefix(string host)
    {
        foreach (var prefix in HostPrefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Length > prefix.Length)
            {
                return host[prefix.Length..];
            }
        }

        return host;
    }

    private static string? First(string[] segments, FrozenSet<string> pages) =>
        segments.Length > 0 && !pages.Contains(segments[0].ToLowerInvariant()) ? segments[0] : null;

    /// <summary><c>/name</c>, <c>/profile.php?id=100…</c>, <c>/people/Name/100…</c> and <c>/pages/Name/100…</c>.</summary>
    private static string? Facebook(string[] segments, string query) => segments switch
    {
        ["profile.php", ..] => HttpUtility.ParseQueryString(query)["id"] is { Length: > 0 } id && id.All(char.IsAsciiDigit) ? id : null,
        ["people" or "pages", _, var id, ..] => id,
        _ => First(segments, FacebookPages),
    };

    /// <summary><c>/@handle</c>, and the older <c>/c/name</c>, <c>/user/name</c> and <c>/channel/UC…</c> forms, each its own namespace.</summary>
    private static string? YouTube(string[] segments) => segments switch
    {
        [var first, ..] when first.StartsWith('@') && first.Length > 1 => first,
        ["c" or "user" or "channel", var name, ..] => $"{segments[0]}/{name}",
        _ => null,
    };

    /// <summary><c>line.me/R/ti/p/@id</c> and <c>line.me/ti/p/@id</c>: the LINE official account's id.</summary>
    private static string? Line(string[] segments) => segments switch
    {
        ["R" or "r", "ti", "p", var id, ..] => id,
        ["ti", "p", var id, ..] => id,
        _ => null,
    };

    private static FrozenSet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.Ordinal);
}
