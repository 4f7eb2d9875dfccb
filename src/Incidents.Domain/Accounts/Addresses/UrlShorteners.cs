using System.Collections.Frozen;
using Incidents.Domain.Decisions;

namespace Incidents.Domain.Accounts.Addresses;

/// <summary>
/// URL shortening services hide where a link goes, so the guideline forbids them for official addresses
/// (000 §6(3)); an impersonator's short link proves nothing either. Addresses on these hosts are refused.
/// </summary>
public static class UrlShorteners
{
    private static readonly FrozenSet<string> Hosts = new[]
    {
        "bit.ly", "bitly.com", "j.mp", "t.co", "tinyurl.com", "goo.gl", "g.co", "ow.ly", "is.gd", "v.gd", "buff.ly",
        "amzn.to", "amzn.asia", "lin.ee", "youtu.be", "fb.me", "t.ly", "cutt.ly", "rebrand.ly", "rb.gy", "shorturl.at",
        "tiny.cc", "s.id", "x.gd", "ux.nu", "dlvr.it", "ift.tt", "wp.me", "trib.al", "qr.paps.jp",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="host"/> (lower case) is a shortener or a subdomain of one.</summary>
    public static bool IsShortener(string host)
    {
        for (var candidate = host; candidate.Length > 0;)
        {
            if (Hosts.Contains(candidate))
            {
                return true;
            }

            var dot = candidate.IndexOf('.', StringComparison.Ordinal);
            candidate = dot < 0 ? "" : candidate[(dot + 1)..];
        }

        return false;
    }

    /// <summary>A refusal when <paramref name="url"/> points at a shortener; null for any other text.</summary>
    public static Refusal? Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var text = url.Trim();
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && IsShortener(uri.Host.ToLowerInvariant())
            ? Refused(uri.Host.ToLowerInvariant())
            : null;
    }

    internal static Refusal Refused(string host) => Refusal.Invalid(
        "url-shortener",
        $"{host} is a URL shortener, which hides where a link goes (000 §6(3)). Open the link and give the full address it leads to.");
}
