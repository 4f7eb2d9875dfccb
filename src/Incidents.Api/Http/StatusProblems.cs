using System.Diagnostics;

namespace Incidents.Api.Http;

/// <summary>
/// Completes problems that the framework raises on its own (no route, wrong method, wrong content type) so that they
/// also say what to do, and adds the trace id to every problem.
/// </summary>
public static class StatusProblems
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        if (problem.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        (problem.Detail, var code) = problem.Status switch
        {
            StatusCodes.Status404NotFound => ($"Nothing is at {request.Path}. The API is described at /openapi/v1.json.", "not-found"),
            StatusCodes.Status405MethodNotAllowed => ($"{request.Path} does not accept {request.Method}. The API is described at /openapi/v1.json.", "method-not-allowed"),
            StatusCodes.Status415UnsupportedMediaType => ("Send the body as JSON with the header 'Content-Type: application/json'.", "json-required"),
            StatusCodes.Status401Unauthorized => ("Send a valid token as 'Authorization: Bearer <token>'.", "unauthenticated"),
            StatusCodes.Status403Forbidden => ("Your roles do not allow this.", "forbidden"),
            _ => ("The request could not be handled; check it against /openapi/v1.json.", "error"),
        };
        problem.Extensions.TryAdd("code", code);
    }
}
