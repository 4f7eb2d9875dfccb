using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Incidents.Api.Access;
using Incidents.Api.Http;
using Incidents.Api.Idempotency;
using Incidents.Api.Incidents.Views;
using Incidents.Api.Pipeline;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.State;
using Incidents.EventStore.Postgres.Serialization;
using Npgsql;

namespace Incidents.Api.Incidents;

/// <summary>
/// Runs a command for an HTTP request: picks the acting role, honours Idempotency-Key, runs the pipeline and turns
/// the outcome into a response (the incident with its ETag, or a problem).
/// </summary>
public static class CommandExecution
{
    public static async Task<IResult> RunAsync(
        HttpContext http, IncidentId id, IIncidentCommand command, ExpectedIncidentVersion expected, bool creates,
        CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var actor = Actors.For(http.User, command.PermittedRoles)
            ?? throw Problems.Forbidden(
                "role-not-permitted",
                $"None of your roles may do this. It needs one of: {string.Join(", ", command.PermittedRoles.Order().Select(RoleNames.Of))}.");

        var principal = Actors.IdOf(http.User);
        var key = IdempotencyKeyHeader.Read(http.Request);
        var idempotency = services.GetRequiredService<IdempotencyStore>();
        var requestHash = key is null ? "" : await RequestHashAsync(http, cancellationToken);
        if (key is not null && await idempotency.FindAsync(principal, key, cancellationToken) is { } earlier)
        {
            return Replay(earlier, requestHash);
        }

        var views = services.GetRequiredService<IncidentViews>();
        var viewerRoles = Actors.RolesOf(http.User);
        var time = services.GetRequiredService<TimeProvider>();
        var request = new CommandRequest(
            id, command, actor, expected, IncidentRoute.CorrelationId(http), Guid.CreateVersion7().ToString("D"),
            key is null
                ? null
                : (unit, applied) => IdempotencyStore.Record(
                    unit, principal, key, Render(views, applied.State, applied.Version, viewerRoles, creates, requestHash), time.GetUtcNow()));

        CommandOutcome outcome;
        try
        {
            outcome = await services.GetRequiredService<CommandPipeline>().ExecuteAsync(request, cancellationToken);
        }
        catch (PostgresException e) when (key is not null && IdempotencyStore.IsDuplicate(e))
        {
            var winner = await idempotency.FindAsync(principal, key, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency key collided but no answer is stored.", e);
            return Replay(winner, requestHash);
        }

        return outcome switch
        {
            CommandOutcome.Applied a => Respond(Render(views, a.State, a.Version, viewerRoles, creates, requestHash)),
            CommandOutcome.Unchanged u => Respond(Render(views, u.State, u.Version, viewerRoles, creates: false, requestHash)),
            CommandOutcome.Refused r => Refused(r.Refusal),
            CommandOutcome.PreconditionFailed p => PreconditionFailed(http, p.CurrentVersion),
            CommandOutcome.Forbidden f => Problems.Result(StatusCodes.Status403Forbidden, "role-not-permitted", "Not allowed for your role", f.Detail),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
        };
    }

    public static IResult Refused(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.StateConflict => Problems.Result(StatusCodes.Status409Conflict, refusal.Code, "Not possible in the incident's current state", refusal.Message),
        RefusalKind.NotPermitted => Problems.Result(StatusCodes.Status403Forbidden, refusal.Code, "Not allowed for you", refusal.Message),
        RefusalKind.NotFound => Problems.Result(StatusCodes.Status404NotFound, refusal.Code, "Not found", refusal.Message),
        _ => Problems.Result(StatusCodes.Status422UnprocessableEntity, refusal.Code, "The request's content is not acceptable", refusal.Message),
    };

    private static IResult PreconditionFailed(HttpContext http, long currentVersion)
    {
        http.Response.Headers.ETag = Preconditions.ETagFor(currentVersion);
        return Problems.Result(
            StatusCodes.Status412PreconditionFailed, "stale-version", "The incident changed since you read it",
            $"The incident is now at version {currentVersion}. GET it, check what changed, and retry with If-Match: \"{currentVersion}\".");
    }

    private static StoredResponse Render(
        IncidentViews views, IncidentState state, long version, IReadOnlyList<Domain.Access.Role> viewerRoles, bool creates, string requestHash)
    {
        var body = JsonSerializer.Serialize(views.Build(state, version, viewerRoles), WireJson.Options);
        return creates
            ? new StoredResponse(requestHash, StatusCodes.Status201Created, body, $"/api/incidents/{state.Id:D}", Preconditions.ETagFor(version))
            : new StoredResponse(requestHash, StatusCodes.Status200OK, body, null, Preconditions.ETagFor(version));
    }

    private static IResult Replay(StoredResponse stored, string requestHash) =>
        stored.RequestHash == requestHash
            ? Respond(stored, replayed: true)
            : Problems.Result(
                StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "This Idempotency-Key was used for another request",
                "An Idempotency-Key identifies one request. Use a new key for a different request.");

    private static IResult Respond(StoredResponse response, bool replayed = false) => new StoredResult(response, replayed);

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
