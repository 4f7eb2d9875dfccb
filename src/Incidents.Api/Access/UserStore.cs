using Incidents.Domain.Access;
using Npgsql;

namespace Incidents.Api.Access;

/// <summary>Users and their tokens. Not event-sourced: they are configuration of the service, not incident facts.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string UniqueName = "users_name_key";

    public async Task<UserAccount> CreateAsync(string name, IReadOnlyList<Role> roles, string? email, CancellationToken cancellationToken)
    {
        var user = new UserAccount(Guid.CreateVersion7(), name, roles.Distinct().ToList(), email);
        await using var command = dataSource.CreateCommand(
            "insert into users (id, name, roles, email, created_at) values ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = user.Id });
        command.Parameters.Add(new() { Value = user.Name });
        command.Parameters.Add(new() { Value = user.Roles.Select(RoleNames.Of).ToArray() });
        command.Parameters.Add(new() { Value = (object?)email ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: UniqueName })
        {
            throw new InvalidOperationException($"A user named '{name}' already exists.", e);
        }

        return user;
    }

    /// <summary>Issues a new token for the user and returns it; only its hash is stored.</summary>
    public async Task<string> IssueTokenAsync(Guid userId, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var token = ApiTokens.Generate();
        await using var command = dataSource.CreateCommand(
            "insert into api_tokens (id, user_id, token_hash, created_at, expires_at) values ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = ApiTokens.Hash(token) });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        command.Parameters.Add(new() { Value = expiresAt is { } at ? at : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// The user a token belongs to, and the token's id, if the token is known, not revoked, not expired, and the user
    /// not disabled. Looked up on every request, so a revocation takes effect at once on every node.
    /// </summary>
    public Task<(UserAccount User, Guid TokenId)?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        FindByTokenHashAsync(ApiTokens.Hash(token), cancellationToken);

    /// <summary>The same check by the token's hash: a dashboard session keeps only the hash and re-checks it on every request.</summary>
    public async Task<(UserAccount User, Guid TokenId)?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select u.id, u.name, u.roles, u.email, t.id
              from api_tokens t join users u on u.id = t.user_id
             where t.token_hash = $1
               and t.revoked_at is null
               and (t.expires_at is null or t.expires_at > $2)
               and u.disabled_at is null
            """);
        command.Parameters.Add(new() { Value = tokenHash });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Read(reader), reader.GetGuid(4)) : null;
    }

    public async Task<IReadOnlyList<TokenInfo>> ListTokensAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, created_at, expires_at, revoked_at from api_tokens where user_id = $1 order by created_at");
        command.Parameters.Add(new() { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<TokenInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new TokenInfo(
                reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return tokens;
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such unrevoked token.</summary>
    public async Task<bool> RevokeTokenAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update api_tokens set revoked_at = $3 where user_id = $1 and id = $2 and revoked_at is null");
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = tokenId });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Revokes every token of the user except <paramref name="keep"/>; returns how many were revoked.</summary>
    public async Task<int> RevokeAllTokensAsync(Guid userId, Guid? keep, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update api_tokens set revoked_at = $2 where user_id = $1 and revoked_at is null and ($3::uuid is null or id <> $3)");
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        command.Parameters.Add(new() { Value = keep is { } id ? id : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DisableAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update users set disabled_at = $2 where id = $1 and disabled_at is null");
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<UserAccount?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, name, roles, email from users where name = $1");
        command.Parameters.Add(new() { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, name, roles, email from users order by name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    private static UserAccount Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetFieldValue<string[]>(2).Select(n => RoleNames.TryParse(n, out var role) ? role : (Role?)null)
            .OfType<Role>().ToList(),
        reader.IsDBNull(3) ? null : reader.GetString(3));
}
