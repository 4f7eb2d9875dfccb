using Incidents.Domain.Incidents;
using Incidents.Projections;
using Npgsql;

namespace Incidents.Api.Pipeline;

/// <summary>Which open incident, if any, answers for an account: where a new report of it belongs.</summary>
public sealed class OpenIncidents(NpgsqlDataSource dataSource)
{
    public async Task<IncidentId?> FindAsync(IncidentAccountKey key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select incident_id from open_incident_accounts where kind = $1 and platform = $2 and handle_key = $3");
        command.Parameters.Add(new() { Value = WireName.Of(key.Kind) });
        command.Parameters.Add(new() { Value = WireName.Of(key.Account.Platform) });
        command.Parameters.Add(new() { Value = key.Account.Handle });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? new IncidentId(id) : null;
    }
}
