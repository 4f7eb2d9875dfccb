using System.Security.Cryptography;
using System.Text;

namespace Incidents.Api.Access;

/// <summary>Opaque bearer tokens: 256 random bits, shown once, stored only as their SHA-256 hash.</summary>
public static class ApiTokens
{
    public const string Prefix = "inc_";

    public static string Generate() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fast hash is enough: the tokens carry 256 bits of entropy, so there is nothing to brute-force.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
