using Microsoft.AspNetCore.Authorization;

namespace Incidents.Api.Access.Matrix;

public static class AuthorizationMatrixServices
{
    /// <summary>The answers to callers the matrix refuses; the rules themselves come with the routes (<see cref="AuthorizationMatrixConvention"/>).</summary>
    public static IServiceCollection AddAuthorizationMatrix(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, MatrixAuthorizationResults>();
}
