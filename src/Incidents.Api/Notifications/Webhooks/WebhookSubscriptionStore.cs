using Npgsql;
using NpgsqlTypes;

namespace Incidents.Api.Notifications.Webhooks;

/// <summary>Webhook subscriptions: configuration of the service that administrators manage, not incident facts.</summary>
public sealed class WebhookSubscriptionStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, url, description, event_types, secret, created_by, created_at, disabled_by, disabled_at";

    public async Task<WebhookSubscription> CreateAsync(
        string url, string? description, IReadOnlyList<string> eventTypes, string createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = new WebhookSubscription(
            Guid.CreateVersion7(), url, description, eventTypes, WebhookSecrets.Generate(), createdBy, now, null, null);
        await using var command = dataSource.CreateCommand($"insert into webhook_subscriptions ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, null, null)");
        command.Parameters.Add(new() { Value = subscription.Id });
        command.Parameters.Add(new() { Value = url });
        command.Parameters.Add(new() { Value = (object?)description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = eventTypes.Count == 0 ? DBNull.Value : eventTypes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = subscription.Secret });
        command.Parameters.Add(new() { Value = createdBy });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return subscription;
    }

    public async Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from webhook_subscriptions where id = $1");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from webhook_subscriptions order by created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscriptions = new List<WebhookSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            subscriptions.Add(Read(reader));
        }

        return subscriptions;
    }

    /// <summary>Stops deliveries to the subscription; disabling it again changes nothing. Null when there is no such subscription.</summary>
    public async Task<WebhookSubscription?> DisableAsync(Guid id, string disabledBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            update webhook_subscriptions
               set disabled_by = coalesce(disabled_by, $2), disabled_at = coalesce(disabled_at, $3)
             where id = $1
            returning {Columns}
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = disabledBy });
        command.Parameters.Add(new() { Value = now });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static WebhookSubscription Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? [] : reader.GetFieldValue<string[]>(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
}
