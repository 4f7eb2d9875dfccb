using System.Text.Json;
using System.Text.Json.Nodes;
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

/// <summary>Running incident commands through the pipeline for a <see cref="CommandCall"/>, and answering with the incident.</summary>
public static class IncidentCommandCalls
{
    public static async Task<IResult> RunIncidentCommandAsync(
        this CommandCall call, IncidentId id, IIncidentCommand command, ExpectedIncidentVersion expected, IncidentAnswer answer,
        CancellationToken cancellationToken) =>
        call.Respond(await call.ExecuteIncidentCommandAsync(id, command, expected, answer, cancellationToken), answer);

    /// <summary>
    /// Runs the command. An account that another open incident already answers for comes back as a refusal
    /// (<c>account-has-open-incident</c>), so that reporting can join that incident and reopening can say why not.
    /// A command answered with <see cref="IncidentAnswer.Created"/> opens an incident under a newly generated id.
    /// </summary>
    public static async Task<CommandOutcome> ExecuteIncidentCommandAsync(
        this CommandCall call, IncidentId id, IIncidentCommand command, ExpectedIncidentVersion expected, IncidentAnswer answer,
        CancellationToken cancellationToken)
    {
        var request = new CommandRequest(
            id, command, call.Actor, expected, call.CorrelationId, call.CommandId,
            (unit, applied) => call.Remember(unit, call.Render(applied.State, applied.Version, answer)),
            NewIncident: answer == IncidentAnswer.Created);
        try
        {
            return await call.Http.RequestServices.GetRequiredService<CommandPipeline>().ExecuteAsync(request, cancellationToken);
        }
        catch (PostgresException e) when (OpenIncidentAccountWrites.IsTaken(e))
        {
            return new CommandOutcome.Refused(AccountHasOpenIncident, 0);
        }
    }

    public static IResult Respond(this CommandCall call, CommandOutcome outcome, IncidentAnswer answer) => outcome switch
    {
        CommandOutcome.Applied a => CommandExecution.Respond(call.Render(a.State, a.Version, answer)),
        CommandOutcome.Unchanged u => CommandExecution.Respond(call.Render(u.State, u.Version, answer == IncidentAnswer.Created ? IncidentAnswer.Updated : answer)),
        CommandOutcome.Refused r => CommandExecution.Refused(r.Refusal),
        CommandOutcome.PreconditionFailed p => CommandExecution.PreconditionFailed(call.Http, p.CurrentVersion),
        CommandOutcome.Forbidden f => Problems.Result(StatusCodes.Status403Forbidden, "role-not-permitted", "Not allowed for your role", f.Detail),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
    };

    public static StoredResponse Render(this CommandCall call, IncidentState state, long version, IncidentAnswer answer)
    {
        var views = call.Http.RequestServices.GetRequiredService<IncidentViews>();
        var view = views.Build(state, version, Actors.RolesOf(call.Http.User));
        var location = $"/api/incidents/{state.Id:D}";
        return answer switch
        {
            IncidentAnswer.Created => call.Answer(StatusCodes.Status201Created, view, location, version),
            IncidentAnswer.Joined => call.Answer(StatusCodes.Status200OK, Joined(view), location, version),
            _ => call.Answer(StatusCodes.Status200OK, view, null, version),
        };
    }

    public static Refusal AccountHasOpenIncident { get; } = Refusal.Conflict(
        "account-has-open-incident",
        "Another open incident already covers this account (same kind, platform and handle). Merge this incident into it instead.");

    /// <summary>The incident as GET shows it, led by <c>"joined": true</c> so the reporter sees their report joined it.</summary>
    private static JsonObject Joined(IncidentView view)
    {
        var body = new JsonObject { ["joined"] = true };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(view, WireJson.Options)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        return body;
    }
}
