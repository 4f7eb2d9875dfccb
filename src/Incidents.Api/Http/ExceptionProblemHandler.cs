using Incidents.EventStore.Postgres.Streams;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Incidents.Api.Http;

/// <summary>The one place where exceptions become problem responses. Nothing a client sends should reach the 500 branch.</summary>
public sealed class ExceptionProblemHandler(IProblemDetailsService problemDetails, ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException p => p,
            BadHttpRequestException b => new ProblemException(
                b.StatusCode, "bad-request", "The request is malformed", "The request could not be read; check its headers and body."),
            WrongExpectedVersionException => new ProblemException(
                StatusCodes.Status409Conflict, "concurrent-update", "Someone else changed the incident at the same time",
                "Another change was recorded at the same moment. GET the incident and try again."),
            NpgsqlException or TimeoutException => Unavailable(httpContext, exception),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemException(
                StatusCodes.Status500InternalServerError, "internal-error", "Unexpected error",
                "Something went wrong on our side. Nothing was recorded; try again, and report the traceId if it persists.");
        }

        httpContext.Response.StatusCode = problem.Status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = Problems.Create(problem.Status, problem.Code, problem.Title, problem.Message, problem.Errors),
            Exception = exception,
        });
    }

    private ProblemException Unavailable(HttpContext httpContext, Exception exception)
    {
        logger.LogWarning(exception, "Database unavailable for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = "5";
        return new ProblemException(
            StatusCodes.Status503ServiceUnavailable, "database-unavailable", "The service is temporarily unavailable",
            "The database cannot be reached right now. Nothing was recorded; retry in a few seconds.");
    }
}
