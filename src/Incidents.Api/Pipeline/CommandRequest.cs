using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.EventStore.Postgres;

namespace Incidents.Api.Pipeline;

/// <summary>
/// One command to run against one incident. <paramref name="CommandId"/> becomes the events' causation id, which
/// lets a retry after an ambiguous commit find that its work is already done. <paramref name="BeforeCommit"/> adds
/// writes that must commit with the events (an idempotency record). <paramref name="NewIncident"/> says the id was just
/// generated for this command, so its first attempt decides on the empty state without reading the (empty) stream; the
/// expected version "no stream" still guards the append, and a retry reads as usual.
/// </summary>
public sealed record CommandRequest(
    IncidentId IncidentId,
    IIncidentCommand Command,
    Actor Actor,
    ExpectedIncidentVersion Expected,
    string CorrelationId,
    string CommandId,
    Action<UnitOfWork, CommandOutcome.Applied>? BeforeCommit = null,
    bool NewIncident = false);
