using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Incidents.Api.Dashboard.Sessions;
using Microsoft.AspNetCore.RateLimiting;

namespace Incidents.Api.Http;

/// <summary>
/// Limits writes (not reads) per token (or dashboard session) and per client address with token buckets; a refused request answers 429
/// problem JSON with Retry-After. Configured under <c>RateLimits</c>; tests and benchmarks raise or disable them.
/// </summary>
public sealed class WriteRateLimits
{
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained writes per minute for one token, with bursts up to <see cref="TokenBurst"/>.</summary>
    public int TokenWritesPerMinute { get; set; } = 120;

    public int TokenBurst { get; set; } = 30;

    /// <summary>Sustained writes per minute from one address (all tokens and anonymous calls together).</summary>
    public int AddressWritesPerMinute { get; set; } = 600;

    public int AddressBurst { get; set; } = 100;

    public static void Configure(RateLimiterOptions options, WriteRateLimits limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Partition(http, TokenKey(http), limits.TokenWritesPerMinute, limits.TokenBurst, limits.Enabled)),
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Partition(http, "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.AddressWritesPerMinute, limits.AddressBurst, limits.Enabled)));
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
            context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await Problems.Result(
                StatusCodes.Status429TooManyRequests, "rate-limited", "Too many writes",
                $"Too many write requests from this token or address. Wait {retryAfter} s (Retry-After) and try again.")
                .ExecuteAsync(context.HttpContext);
        };
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string? key, int perMinute, int burst, bool enabled)
    {
        if (!enabled || key is null || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / Math.Max(1, perMinute)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// The bearer token's hash, so that limits follow the token without keeping it in memory in clear; for the
    /// dashboard, the hash of its session cookie (a session is opened with a token, and gets the same limit).
    /// </summary>
    private static string? TokenKey(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "token:" + Hash(header);
        }

        var session = string.Concat(http.Request.Cookies
            .Where(c => c.Key.StartsWith(DashboardSession.CookieName, StringComparison.Ordinal))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Value));
        return session.Length > 0 ? "session:" + Hash(session) : null;
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
