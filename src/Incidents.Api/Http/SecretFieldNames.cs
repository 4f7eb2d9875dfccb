using System.Text;

namespace Incidents.Api.Http;

/// <summary>
/// Field names that carry credentials. No request of this service ever needs one, so a body that has one anywhere
/// is refused before it is read further, and its value is neither logged nor stored.
/// </summary>
public static class SecretFieldNames
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "passcode", "newpassword", "oldpassword", "currentpassword",
        "secret", "clientsecret", "apikey", "apisecret", "accesstoken", "refreshtoken", "token", "bearertoken",
        "privatekey", "credential", "credentials", "otp", "pin", "totp", "mfacode", "recoverycode",
        "パスワード", "暗証番号", "パスコード",
    };

    /// <summary>Compared as it reads: full-width letters folded (ｐａｓｓｗｏｒｄ), case, separators and invisible characters ignored.</summary>
    public static bool IsSecret(string propertyName)
    {
        var normalised = new string(Fold(propertyName).Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        return Names.Contains(normalised);
    }

    private static string Fold(string name)
    {
        try
        {
            return name.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return name;
        }
    }
}
