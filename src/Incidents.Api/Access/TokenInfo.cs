namespace Incidents.Api.Access;

/// <summary>What may be shown about a token: never the token itself, which exists only in the answer that issued it.</summary>
public sealed record TokenInfo(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);
