using Incidents.Domain.Decisions;

namespace Incidents.Domain.Incidents.Rules;

public static class StatementRefusals
{
    public static Refusal Unknown(Guid statementId) =>
        Refusal.Missing("statement-not-found", $"This incident has no statement {statementId}.");
}
