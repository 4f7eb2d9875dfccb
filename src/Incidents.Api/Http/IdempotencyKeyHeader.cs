namespace Incidents.Api.Http;

/// <summary>The optional Idempotency-Key header: 1–255 visible ASCII characters, quoted or not.</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    public static string? Read(HttpRequest request)
    {
        var values = request.Headers[Name];
        if (values.Count == 0)
        {
            return null;
        }

        var value = values.Count == 1 ? values[0]!.Trim() : "";
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (value.Length is 0 or > 255 || value.Any(c => c is < '!' or > '~'))
        {
            throw Problems.BadRequest(
                "idempotency-key-malformed", "Idempotency-Key must be one value of 1 to 255 visible ASCII characters, for example a UUID.");
        }

        return value;
    }
}
