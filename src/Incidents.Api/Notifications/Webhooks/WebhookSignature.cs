using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Incidents.Api.Notifications.Webhooks;

/// <summary>
/// How receivers know a delivery is ours and fresh: <c>X-Incidents-Signature: sha256=&lt;hex&gt;</c> is the HMAC-SHA256,
/// keyed with the subscription's secret, of <c>&lt;X-Incidents-Timestamp&gt;.&lt;raw body&gt;</c>. Signing the timestamp
/// with the body lets a receiver refuse a replayed delivery by its age.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Incidents-Signature";
    public const string TimestampHeader = "X-Incidents-Timestamp";
    public const string Scheme = "sha256=";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string timestampHeader, ReadOnlySpan<byte> body, string signatureHeader) =>
        long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signatureHeader));
}
