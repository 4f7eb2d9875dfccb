using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.EventStore.Postgres;

namespace Incidents.Api.Pipeline;

/// <summary>
/// One command to run against one incident. <paramref name="CommandId"/> becomes the events' causation id, which
/// lets a retry after an ambiguous commit find that its work is already done. <paramref name="BeforeCommit"/> adds
/// writes that must commit with the events (an idempotency record).
/// </summary>
public sealed record CommandRequest(
    IncidentId IncidentId,
    IIncidentCommand Command,
    Actor Actor,
    ExpectedIncidentVersion Expected,
    string CorrelationId,
    string CommandId,
    Action<UnitOfWork, CommandOutcome.Applied>? BeforeCommit = null);
