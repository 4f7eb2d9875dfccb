using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.EventStore.Postgres;

namespace Incidents.Api.Pipeline;

/// <summary>
/// A merge of <see cref="MergeIncidents.DuplicateId"/> into <paramref name="SurvivorId"/>. <paramref name="Expected"/>
/// is the survivor's If-Match; the duplicate is decided at whatever version it is.
/// </summary>
public sealed record MergeRequest(
    IncidentId SurvivorId,
    MergeIncidents Command,
    Actor Actor,
    ExpectedIncidentVersion Expected,
    string CorrelationId,
    string CommandId,
    Action<UnitOfWork, CommandOutcome.Applied>? BeforeCommit = null)
{
    public IncidentId DuplicateId => new(Command.DuplicateId);
}
