using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Incidents.Domain.Decisions;

namespace Incidents.Domain.Incidents.Rules;

/// <summary>
/// The service never stores a password (000 §6(4); 002 §4(1)). Free text that looks like it carries one
/// ("password: …", "パスワード：…", an API key) is refused.
/// </summary>
public static partial class SecretText
{
    // A keyword followed by "=" or ":" and a value is always refused. After "is" / "は" only a password-shaped value
    // (printable ASCII with a digit or symbol) is, so "パスワードは変更済み" and "password is changed" pass.
    [GeneratedRegex(
        """
        (?<![a-z])(pass(word|wd|phrase|code)?|pwd|secret|api[\s_-]?key|access[\s_-]?token)\s*[=:：＝]\s*\S+
        | (暗証番号|パスワード|パスコード|秘密鍵)\s*[=:：＝]\s*\S+
        | (?<![a-z])(pass(word|wd|phrase|code)?|pwd|secret)\s+is\s+(?=\S*[0-9!@#$%^&*])[\x21-\x7e]{6,}
        | (暗証番号|パスワード|パスコード)\s*は\s*(?=\S*[0-9!@#$%^&*])[\x21-\x7e]{4,}
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, matchTimeoutMilliseconds: 200)]
    private static partial Regex SecretAssignment();

    public static bool LooksLikeSecret(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            return SecretAssignment().IsMatch(Plain(text));
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>
    /// The text as it reads: full-width letters folded to ASCII (ｐａｓｓｗｏｒｄ is password) and invisible format
    /// characters (zero-width spaces and joiners, direction marks) removed, so that neither hides a password.
    /// </summary>
    private static string Plain(string text)
    {
        string folded;
        try
        {
            folded = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            folded = text;
        }

        return string.Concat(folded.Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format));
    }

    public static Refusal? Check(params ReadOnlySpan<string?> texts)
    {
        foreach (var text in texts)
        {
            if (LooksLikeSecret(text))
            {
                return Refusal.Invalid(
                    "secret-in-text",
                    "This text looks like it contains a password or secret. Remove it: the service records only that a password was changed, never the password.");
            }
        }

        return null;
    }
}
