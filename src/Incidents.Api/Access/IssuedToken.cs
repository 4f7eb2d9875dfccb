namespace Incidents.Api.Access;

/// <summary>A newly issued token. This answer is the only place it ever appears; store it now.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset? ExpiresAt);
