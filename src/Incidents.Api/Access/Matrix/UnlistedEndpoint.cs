namespace Incidents.Api.Access.Matrix;

/// <summary>Marks an endpoint that has no row in the authorisation matrix: it refuses everyone until it gets one.</summary>
public sealed record UnlistedEndpoint(string Route);
