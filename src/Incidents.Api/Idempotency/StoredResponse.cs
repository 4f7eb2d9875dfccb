namespace Incidents.Api.Idempotency;

/// <summary>The first answer given to a request with an Idempotency-Key; replays get exactly this back.</summary>
public sealed record StoredResponse(string RequestHash, int StatusCode, string Body, string? Location, string? ETag);
