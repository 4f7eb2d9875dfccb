using System.Text;
using System.Text.RegularExpressions;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Accounts.Addresses;

/// <summary>
/// An account as the registry and duplicate detection compare it: its platform and its handle in one canonical
/// spelling (full-width folded, no leading @, lower case), whichever form it was given in: a handle, or a profile URL
/// such as <c>https://twitter.com/Misato_Town/</c> or <c>line.me/R/ti/p/@misato</c>.
/// </summary>
public sealed partial record AccountKey(Platform Platform, string Handle)
{
    /// <summary>
    /// A handle on <paramref name="platform"/>, or a profile URL when the text looks like one (a scheme, or a host
    /// followed by a path). The URL must be on <paramref name="platform"/> unless <paramref name="urlMayNameAnotherPlatform"/>.
    /// </summary>
    public static AccountKeyResult Parse(Platform platform, string handleOrUrl, bool urlMayNameAnotherPlatform = false)
    {
        if (Fold(handleOrUrl) is not { } text)
        {
            return NotText;
        }

        return LooksLikeUrl(text)
            ? ProfileUrls.Read(text, urlMayNameAnotherPlatform ? null : platform)
            : FromHandle(platform, text);
    }

    /// <summary>A profile URL; its host names the platform. <paramref name="expected"/>, when given, must agree.</summary>
    public static AccountKeyResult FromUrl(string url, Platform? expected = null) => Fold(url) is { } text ? ProfileUrls.Read(text, expected) : NotText;

    public static AccountKeyResult FromHandle(Platform platform, string handle)
    {
        var canonical = Canonical(handle);
        return canonical.Length == 0
            ? Refusal.Invalid("invalid-handle", "The handle is empty; give the account's handle, such as @misato_town, or its profile URL.")
            : new AccountKey(platform, canonical);
    }

    /// <summary>
    /// The key of an incident's account, also for events stored before handles were checked: text that does not
    /// parse still gets a key, its canonical spelling, so it is compared rather than lost.
    /// </summary>
    public static AccountKey Of(Platform platform, string handleOrUrl) =>
        Parse(platform, handleOrUrl).Key ?? new AccountKey(platform, Canonical(handleOrUrl));

    internal static string Canonical(string handle)
    {
        var text = (Fold(handle) ?? handle.Trim()).TrimStart('@').TrimEnd('/').Trim();
        return text.ToLowerInvariant();
    }

    private static readonly Refusal NotText = Refusal.Invalid(
        "invalid-handle", "The handle or URL contains characters that are not text (such as U+FFFE); type it again.");

    /// <summary>
    /// Full-width letters and ＠ become their ASCII forms, as people in Japan often type them. Null for text that
    /// cannot be normalised: .NET refuses some noncharacters, such as U+FFFE, which nobody types into a handle.
    /// </summary>
    private static string? Fold(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool LooksLikeUrl(string text) => text.Contains("://", StringComparison.Ordinal) || HostThenPath().IsMatch(text);

    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostThenPath();

    public override string ToString() => $"{Platform}:{Handle}";
}
