using Incidents.Api.Pipeline;
using Incidents.Domain.Access;
using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;
using Incidents.EventStore.Postgres;

namespace Incidents.Api.Accounts.Pipeline;

/// <summary>One command to run against one official account; <paramref name="BeforeCommit"/> adds writes that commit with its events.</summary>
public sealed record AccountCommandRequest(
    OfficialAccountId AccountId,
    IAccountCommand Command,
    Actor Actor,
    ExpectedIncidentVersion Expected,
    string CorrelationId,
    string CommandId,
    Action<UnitOfWork, AccountOutcome.Applied>? BeforeCommit = null);
