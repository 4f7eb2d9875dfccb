using Microsoft.AspNetCore.Http.Timeouts;

namespace Incidents.Api.Http;

/// <summary>
/// Bounds every request (<c>RequestTimeouts:Default</c>, 30 s). A request that waits longer, on a PostgreSQL host that does
/// not answer or on a lock, is cancelled and answered 504 problem JSON instead of hanging. The live dashboard stream,
/// which is meant to stay open, is exempt.
/// </summary>
public static class RequestTimeouts
{
    public const string Setting = "RequestTimeouts:Default";

    public static IServiceCollection AddIncidentsRequestTimeouts(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = configuration.GetValue(Setting, TimeSpan.FromSeconds(30)),
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = WriteAsync,
        });

    private static async Task WriteAsync(HttpContext http) =>
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Problems.Create(
                StatusCodes.Status504GatewayTimeout, "request-timeout", "The request took too long",
                "The service gave up waiting (usually for the database). A command may or may not have been recorded: GET the " +
                "incident, or retry with the same Idempotency-Key."),
        });
}
