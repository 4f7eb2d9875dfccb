using System.Security.Cryptography;
using System.Text;
using Incidents.Api.Access;
using Incidents.Api.Http;
using Incidents.Api.Idempotency;
using Incidents.Api.Pipeline;
using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Npgsql;

namespace Incidents.Api.Incidents;

/// <summary>
/// Runs a command for an HTTP request: picks the acting role, honours Idempotency-Key, runs the command and turns the
/// outcome into a response (the changed thing with its ETag, or a problem). Incident, account and merge commands share
/// this; what differs between them is the <see cref="CommandCall"/> callback that runs and renders them.
/// </summary>
public static class CommandExecution
{
    public static Task<IResult> RunAsync(
        HttpContext http, IncidentId id, IIncidentCommand command, ExpectedIncidentVersion expected, bool creates,
        CancellationToken cancellationToken) =>
        RunAsync(
            http, command.PermittedRoles,
            (call, token) => call.RunIncidentCommandAsync(id, command, expected, creates ? IncidentAnswer.Created : IncidentAnswer.Updated, token),
            cancellationToken);

    public static async Task<IResult> RunAsync(
        HttpContext http, IReadOnlySet<Role> permittedRoles, Func<CommandCall, CancellationToken, Task<IResult>> run,
        CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var actor = Actors.For(http.User, permittedRoles)
            ?? throw Problems.Forbidden(
                "role-not-permitted",
                $"None of your roles may do this. It needs one of: {string.Join(", ", permittedRoles.Order().Select(RoleNames.Of))}.");

        var principal = Actors.IdOf(http.User);
        var key = IdempotencyKeyHeader.Read(http.Request);
        var idempotency = services.GetRequiredService<IdempotencyStore>();
        var requestHash = key is null ? "" : await RequestHashAsync(http, cancellationToken);
        if (key is not null && await idempotency.FindAsync(principal, key, cancellationToken) is { } earlier)
        {
            return Replay(earlier, requestHash);
        }

        var time = services.GetRequiredService<TimeProvider>();
        var call = new CommandCall(
            http, actor, IncidentRoute.CorrelationId(http), Guid.CreateVersion7().ToString("D"), requestHash,
            key is null ? null : (unit, response) => IdempotencyStore.Record(unit, principal, key, response, time.GetUtcNow()),
            async token => key is not null && await idempotency.FindAsync(principal, key, token) is { } stored ? Replay(stored, requestHash) : null);

        try
        {
            return await run(call, cancellationToken);
        }
        catch (PostgresException e) when (key is not null && IdempotencyStore.IsDuplicate(e))
        {
            var winner = await idempotency.FindAsync(principal, key, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency key collided but no answer is stored.", e);
            return Replay(winner, requestHash);
        }
    }

    public static IResult Refused(Refusal refusal) => Refused(refusal, "incident");

    /// <summary>A refusal as a problem; <paramref name="subject"/> names what was changed ("incident", "account").</summary>
    public static IResult Refused(Refusal refusal, string subject) => refusal.Kind switch
    {
        RefusalKind.StateConflict => Problems.Result(StatusCodes.Status409Conflict, refusal.Code, $"Not possible in the {subject}'s current state", refusal.Message),
        RefusalKind.NotPermitted => Problems.Result(StatusCodes.Status403Forbidden, refusal.Code, "Not allowed for you", refusal.Message),
        RefusalKind.NotFound => Problems.Result(StatusCodes.Status404NotFound, refusal.Code, "Not found", refusal.Message),
        _ => Problems.Result(StatusCodes.Status422UnprocessableEntity, refusal.Code, "The request's content is not acceptable", refusal.Message),
    };

    public static IResult PreconditionFailed(HttpContext http, long currentVersion, string subject = "incident")
    {
        http.Response.Headers.ETag = Preconditions.ETagFor(currentVersion);
        return Problems.Result(
            StatusCodes.Status412PreconditionFailed, "stale-version", $"The {subject} changed since you read it",
            $"The {subject} is now at version {currentVersion}. GET it, check what changed, and retry with If-Match: \"{currentVersion}\".");
    }

    public static IResult Respond(StoredResponse response, bool replayed = false) => new StoredResult(response, replayed);

    private static IResult Replay(StoredResponse stored, string requestHash) =>
        stored.RequestHash == requestHash
            ? Respond(stored, replayed: true)
            : Problems.Result(
                StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "This Idempotency-Key was used for another request",
                "An Idempotency-Key identifies one request. Use a new key for a different request.");

    private static async Task<string> RequestHashAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0
            ? await JsonBodyReader.ReadBytesAsync(http.Request, cancellationToken)
            : [];
        var head = Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n");
        return Convert.ToHexString(SHA256.HashData([.. head, .. body]));
    }

    private sealed class StoredResult(StoredResponse response, bool replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = response.StatusCode;
            if (response.ETag is { } etag)
            {
                httpContext.Response.Headers.ETag = etag;
            }

            if (response.Location is { } location)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (replayed)
            {
                httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
