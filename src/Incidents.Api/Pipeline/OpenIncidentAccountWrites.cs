using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres;
using Incidents.Projections;
using Npgsql;

namespace Incidents.Api.Pipeline;

/// <summary>
/// Keeps <c>open_incident_accounts</c> in step with the incidents, in their events' own batch: a reported or reopened
/// incident claims its accounts, a closed one frees them, and a merged duplicate hands them to its survivor. A claim
/// on an account another open incident holds fails the whole batch (<see cref="IsTaken"/>).
/// </summary>
public sealed class OpenIncidentAccountWrites : IIncidentWriteParticipant
{
    public const string PrimaryKey = "open_incident_accounts_pkey";

    public static bool IsTaken(PostgresException exception) =>
        exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: PrimaryKey };

    public void Contribute(UnitOfWork unit, IncidentChange change)
    {
        var id = change.After.Id;
        foreach (var e in change.Events)
        {
            switch (e)
            {
                case IncidentReported:
                    unit.Add(Claim(IncidentAccountKey.Of(change.After.Kind, change.After.Platform, change.After.AccountHandle), id));
                    break;
                case IncidentReopened:
                    foreach (var key in IncidentAccountKey.AllOf(change.After))
                    {
                        unit.Add(Claim(key, id));
                    }

                    break;
                case IncidentMergedInto merged:
                    unit.Add(new NpgsqlBatchCommand("update open_incident_accounts set incident_id = $2 where incident_id = $1")
                    {
                        Parameters = { new() { Value = id }, new() { Value = merged.SurvivorId } },
                    });
                    break;
                case IncidentClosed:
                    unit.Add(new NpgsqlBatchCommand("delete from open_incident_accounts where incident_id = $1") { Parameters = { new() { Value = id } } });
                    break;
            }
        }
    }

    private static NpgsqlBatchCommand Claim(IncidentAccountKey key, Guid incidentId) => new(
        "insert into open_incident_accounts (kind, platform, handle_key, incident_id) values ($1, $2, $3, $4)")
    {
        Parameters =
        {
            new() { Value = WireName.Of(key.Kind) },
            new() { Value = WireName.Of(key.Account.Platform) },
            new() { Value = key.Account.Handle },
            new() { Value = incidentId },
        },
    };
}
