using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Incidents.Api.Tests.Fuzzing;

/// <summary>
/// What the accepted (2xx) cases did, from their answers: what they created, issued, revoked and disabled. The
/// database must hold exactly that, and nothing from the refused cases.
/// </summary>
public sealed class FuzzLedger
{
    private readonly ConcurrentDictionary<int, FuzzCase> _accepted = new();
    private readonly ConcurrentBag<string> _failures = [];
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _disabledUsers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _disabledWebhooks = new(StringComparer.Ordinal);
    private int _usersCreated;
    private int _tokensIssued;
    private int _tokensRevoked;
    private int _webhooksCreated;
    private int _cases;

    public int Cases => _cases;

    public IReadOnlyCollection<string> Failures => _failures;

    public IReadOnlyDictionary<int, FuzzCase> Accepted => _accepted;

    public int UsersCreated => _usersCreated;

    public int TokensIssued => _tokensIssued;

    public int TokensRevoked => _tokensRevoked;

    public int UsersDisabled => _disabledUsers.Count;

    public int WebhooksCreated => _webhooksCreated;

    public int WebhooksDisabled => _disabledWebhooks.Count;

    /// <summary>How many answers had each status, by mutation: the shape of the run, for the test's output.</summary>
    public IReadOnlyDictionary<string, int> Statuses => _statuses;

    public void Fail(FuzzCase fuzzCase, string why) => _failures.Add($"{fuzzCase}: {why}");

    public void Record(FuzzCase fuzzCase, string path, int status, JsonNode? answer)
    {
        Interlocked.Increment(ref _cases);
        _statuses.AddOrUpdate($"{fuzzCase.Mutation} {status}", 1, (_, n) => n + 1);
        if (status is < 200 or >= 300)
        {
            return;
        }

        _accepted[fuzzCase.Index] = fuzzCase;
        switch (fuzzCase.Route, status)
        {
            case ("/api/admin/users", 201):
                Interlocked.Increment(ref _usersCreated);
                Interlocked.Increment(ref _tokensIssued);
                break;
            case ("/api/admin/users/{name}/tokens", 201):
                Interlocked.Increment(ref _tokensIssued);
                break;
            case ("/api/me/tokens/rotate", 201):
                Interlocked.Increment(ref _tokensIssued);
                Interlocked.Increment(ref _tokensRevoked);
                break;
            case ("/api/me/tokens/{tokenId}/revoke", 204):
                Interlocked.Increment(ref _tokensRevoked);
                break;
            case ("/api/admin/users/{name}/revoke-tokens", 200):
                Interlocked.Add(ref _tokensRevoked, answer!["revoked"]!.GetValue<int>());
                break;
            case ("/api/admin/users/{name}/disable", 204):
                _disabledUsers.TryAdd(path, 0);
                break;
            case ("/api/webhooks", 201):
                Interlocked.Increment(ref _webhooksCreated);
                break;
            case ("/api/webhooks/{id}/disable", 200):
                _disabledWebhooks.TryAdd(path, 0);
                break;
        }
    }
}
