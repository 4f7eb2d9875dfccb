using Incidents.Domain.Accounts.State;

namespace Incidents.Api.Accounts.Pipeline;

/// <summary>An account's state folded from its stream, and the stream's version (0: no such account).</summary>
public sealed record LoadedAccount(AccountState State, long Version);
