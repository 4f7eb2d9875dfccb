using Incidents.Api.Http;

namespace Incidents.Api.Access;

/// <summary>Tokens issued through the API expire; 90 days unless the request asks for 1 to 730.</summary>
public sealed record TokenLifetime(int? ExpiresInDays = null) : IValidatedRequest
{
    public const int DefaultDays = 90;
    public const int MaxDays = 730;

    public DateTimeOffset ExpiresAt(TimeProvider time) => time.GetUtcNow().AddDays(ExpiresInDays ?? DefaultDays);

    public void Validate(RequestErrors errors)
    {
        if (ExpiresInDays is < 1 or > MaxDays)
        {
            errors.Add("expiresInDays", $"Between 1 and {MaxDays} days.");
        }
    }
}
