using Incidents.Api.Accounts.Views;
using Incidents.Api.Http;
using Incidents.Api.Incidents;
using Incidents.Api.Pipeline;
using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;

namespace Incidents.Api.Accounts;

/// <summary>Maps one POST per account command under /api/accounts/{id}/…, each with If-Match and the same error shapes.</summary>
public static class AccountCommandEndpoints
{
    public static RouteHandlerBuilder MapAccountCommand<TBody>(this RouteGroupBuilder accounts, string pattern, Func<TBody, IAccountCommand> toCommand)
        where TBody : IValidatedRequest =>
        accounts.MapPost(pattern, async (HttpContext http, string id, CancellationToken cancellationToken) =>
            {
                var accountId = AccountRoute.ParseId(id);
                var expected = Preconditions.ReadIfMatch(http.Request);
                var command = toCommand(await JsonBodyReader.ReadAsync<TBody>(http.Request, cancellationToken));
                return await Run(http, accountId, command, expected, cancellationToken);
            })
            .Accepts<TBody>("application/json")
            .WithAccountCommandResponses();

    /// <summary>A command without fields; a body, if sent, must still be a clean JSON object.</summary>
    public static RouteHandlerBuilder MapAccountCommand(this RouteGroupBuilder accounts, string pattern, Func<IAccountCommand> toCommand) =>
        accounts.MapPost(pattern, async (HttpContext http, string id, CancellationToken cancellationToken) =>
            {
                var accountId = AccountRoute.ParseId(id);
                var expected = Preconditions.ReadIfMatch(http.Request);
                if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
                {
                    await JsonBodyReader.ReadAsync<CommandEndpoints.EmptyBody>(http.Request, cancellationToken);
                }

                return await Run(http, accountId, toCommand(), expected, cancellationToken);
            })
            .WithAccountCommandResponses();

    public static RouteHandlerBuilder WithAccountCommandResponses(this RouteHandlerBuilder builder) => builder
        .Produces<AccountView>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static Task<IResult> Run(
        HttpContext http, OfficialAccountId id, IAccountCommand command, ExpectedIncidentVersion expected,
        CancellationToken cancellationToken) =>
        CommandExecution.RunAsync(
            http, command.PermittedRoles, (call, token) => call.RunAccountCommandAsync(id, command, expected, creates: false, token), cancellationToken);
}
