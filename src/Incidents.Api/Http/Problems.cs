using Microsoft.AspNetCore.Mvc;

namespace Incidents.Api.Http;

/// <summary>Builds RFC 9457 problem responses. Every error the service returns goes through here.</summary>
public static class Problems
{
    public static ProblemDetails Create(
        int status, string code, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = $"/problems/{code}",
            Title = title,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    public static IResult Result(int status, string code, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(Create(status, code, title, detail, errors));

    public static IResult From(ProblemException problem) =>
        Result(problem.Status, problem.Code, problem.Title, problem.Message, problem.Errors);

    public static ProblemException BadRequest(string code, string detail) =>
        new(StatusCodes.Status400BadRequest, code, "The request is malformed", detail);

    public static ProblemException Unprocessable(string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status422UnprocessableEntity, code, "The request's content is not acceptable", detail, errors);

    public static ProblemException NotFound(string code, string detail) =>
        new(StatusCodes.Status404NotFound, code, "Not found", detail);

    public static ProblemException Forbidden(string code, string detail) =>
        new(StatusCodes.Status403Forbidden, code, "Not allowed for your role", detail);

    public static ProblemException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "body-too-large", "The request body is too large",
            $"Request bodies are limited to {limit / 1024} KiB. Shorten the text or split the evidence into several reports.");

    public static ProblemException UnsupportedMediaType() =>
        new(StatusCodes.Status415UnsupportedMediaType, "json-required", "JSON is required",
            "Send the body as JSON with the header 'Content-Type: application/json'.");
}
