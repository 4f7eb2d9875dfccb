using Incidents.Api.Accounts.Pipeline;
using Incidents.Api.Accounts.Views;
using Incidents.Api.Idempotency;
using Incidents.Api.Incidents;
using Incidents.Api.Pipeline;
using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Accounts.State;

namespace Incidents.Api.Accounts;

/// <summary>Running account commands for a <see cref="CommandCall"/>, and answering with the account.</summary>
public static class AccountCommandCalls
{
    public static async Task<IResult> RunAccountCommandAsync(
        this CommandCall call, OfficialAccountId id, IAccountCommand command, ExpectedIncidentVersion expected, bool creates,
        CancellationToken cancellationToken)
    {
        var request = new AccountCommandRequest(
            id, command, call.Actor, expected, call.CorrelationId, call.CommandId,
            (unit, applied) => call.Remember(unit, Render(call, applied.State, applied.Version, creates)));
        var outcome = await call.Http.RequestServices.GetRequiredService<AccountCommandPipeline>().ExecuteAsync(request, cancellationToken);
        return outcome switch
        {
            AccountOutcome.Applied a => CommandExecution.Respond(Render(call, a.State, a.Version, creates)),
            AccountOutcome.Unchanged u => CommandExecution.Respond(Render(call, u.State, u.Version, creates: false)),
            AccountOutcome.Refused r => CommandExecution.Refused(r.Refusal, "account"),
            AccountOutcome.PreconditionFailed p => CommandExecution.PreconditionFailed(call.Http, p.CurrentVersion, "account"),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
        };
    }

    private static StoredResponse Render(CommandCall call, AccountState state, long version, bool creates) => creates
        ? call.Answer(StatusCodes.Status201Created, AccountView.Of(state, version), $"/api/accounts/{state.Id:D}", version)
        : call.Answer(StatusCodes.Status200OK, AccountView.Of(state, version), null, version);
}
