using System.Text.Json;
using Incidents.Api.Http;
using Incidents.Api.Idempotency;
using Incidents.Domain.Access;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Serialization;

namespace Incidents.Api.Incidents;

/// <summary>
/// One command request after its role was chosen and its Idempotency-Key checked: who acts, the ids that tie its
/// events together, and how to remember its answer in the same batch as its events.
/// </summary>
public sealed class CommandCall(
    HttpContext http, Actor actor, string correlationId, string commandId, string requestHash, Action<UnitOfWork, StoredResponse>? remember,
    Func<CancellationToken, Task<IResult?>> replayEarlierAnswer)
{
    public HttpContext Http => http;

    public Actor Actor => actor;

    public string CorrelationId => correlationId;

    /// <summary>Becomes the events' causation id, so a retry after an ambiguous commit finds its work done.</summary>
    public string CommandId => commandId;

    /// <summary>Records the answer for the request's Idempotency-Key, if it has one, in the unit that commits the events.</summary>
    public void Remember(UnitOfWork unit, StoredResponse response) => remember?.Invoke(unit, response);

    /// <summary>
    /// The stored answer of a concurrent request with the same Idempotency-Key that committed after this one began, if
    /// any: for a command that found nothing left to do because that request already did it.
    /// </summary>
    public Task<IResult?> ReplayEarlierAnswerAsync(CancellationToken cancellationToken) => replayEarlierAnswer(cancellationToken);

    public StoredResponse Answer(int status, object body, string? location, long version) =>
        new(requestHash, status, JsonSerializer.Serialize(body, body.GetType(), WireJson.Options), location, Preconditions.ETagFor(version));
}
