using Incidents.Api.Access;
using Incidents.Api.Composition;
using Incidents.Domain.Access;
using Incidents.EventStore.Postgres.Schema;

namespace Incidents.Api.Cli;

/// <summary>
/// <c>users add NAME --role ROLE [--role ROLE…] [--email ADDRESS]</c> prints the new user's token and nothing else on
/// stdout; <c>users token NAME [--expires-in-days N]</c> issues another; <c>users list</c> lists users.
/// Everything else (logs, errors) goes to stderr, so the token can be captured with $(…).
/// </summary>
public static class UsersCli
{
    private const string Usage = """
        Usage:
          users add NAME --role ROLE [--role ROLE ...] [--email ADDRESS]   create a user, print their token
          users token NAME [--expires-in-days N]                           issue another token for a user
          users rotate NAME [--expires-in-days N]                          issue a new token, revoke all others
          users revoke NAME                                                revoke every token of a user
          users disable NAME                                               disable a user (no token works)
          users list                                                       list users and their roles
        """;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "users";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var builder = WebApplication.CreateSlimBuilder([.. args.Where(a => a.StartsWith("--ConnectionStrings", StringComparison.Ordinal))]);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddIncidentsCore(builder.Configuration);
        await using var app = builder.Build();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var token = cancellation.Token;

        try
        {
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(token);
            var users = app.Services.GetRequiredService<UserStore>();
            switch (args.ElementAtOrDefault(1))
            {
                case "add" when args.Length >= 3:
                    var roles = Options(args, "--role").Select(ParseRole).ToList();
                    if (roles.Count == 0)
                    {
                        throw new CliException("Give at least one --role. Roles: " + string.Join(", ", RoleNames.All));
                    }

                    var user = await users.CreateAsync(args[2], roles, Options(args, "--email").FirstOrDefault(), token);
                    await stdout.WriteLineAsync(await users.IssueTokenAsync(user.Id, null, token));
                    return 0;
                case "token" or "rotate" when args.Length >= 3:
                    var holder = await FindAsync(users, args[2], token);
                    if (args[1] == "rotate")
                    {
                        await users.RevokeAllTokensAsync(holder.Id, keep: null, token);
                    }

                    await stdout.WriteLineAsync(await users.IssueTokenAsync(holder.Id, ExpiresAt(args), token));
                    return 0;
                case "revoke" when args.Length >= 3:
                    var revoked = await users.RevokeAllTokensAsync((await FindAsync(users, args[2], token)).Id, null, token);
                    await stderr.WriteLineAsync($"Revoked {revoked} token(s) of {args[2]}.");
                    return 0;
                case "disable" when args.Length >= 3:
                    await users.DisableAsync((await FindAsync(users, args[2], token)).Id, token);
                    await stderr.WriteLineAsync($"Disabled {args[2]}.");
                    return 0;
                case "list":
                    foreach (var u in await users.ListAsync(token))
                    {
                        await stdout.WriteLineAsync($"{u.Name}\t{string.Join(",", u.Roles.Select(RoleNames.Of))}");
                    }

                    return 0;
                default:
                    await stderr.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is CliException or InvalidOperationException)
        {
            await stderr.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<UserAccount> FindAsync(UserStore users, string name, CancellationToken cancellationToken) =>
        await users.FindByNameAsync(name, cancellationToken) ?? throw new CliException($"No user named '{name}'.");

    private static DateTimeOffset? ExpiresAt(string[] args) =>
        Options(args, "--expires-in-days").FirstOrDefault() is { } days
            ? TimeProvider.System.GetUtcNow().AddDays(int.TryParse(days, out var n) && n > 0 ? n : throw new CliException("--expires-in-days needs a positive whole number."))
            : null;

    private static IEnumerable<string> Options(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name)
            {
                yield return args[i + 1];
            }
        }
    }

    private static Role ParseRole(string name) =>
        RoleNames.TryParse(name, out var role)
            ? role
            : throw new CliException($"Unknown role '{name}'. Roles: {string.Join(", ", RoleNames.All)}");

    private sealed class CliException(string message) : Exception(message);
}
