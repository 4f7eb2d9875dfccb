namespace Incidents.Api.Access.Matrix;

/// <summary>How a caller proves who they are on an endpoint.</summary>
public enum Credential
{
    /// <summary>Nothing: the endpoint is public.</summary>
    None,

    /// <summary><c>Authorization: Bearer inc_…</c>, the API's tokens.</summary>
    BearerToken,

    /// <summary>The dashboard's cookie session, opened with a token; its forms also carry an anti-forgery token.</summary>
    DashboardSession,
}
