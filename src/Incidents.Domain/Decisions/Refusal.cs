namespace Incidents.Domain.Decisions;

/// <summary>Why a command was refused. <paramref name="Code"/> is stable for clients; the message tells a person what to do.</summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Message)
{
    public static Refusal Conflict(string code, string message) => new(RefusalKind.StateConflict, code, message);

    public static Refusal Forbidden(string code, string message) => new(RefusalKind.NotPermitted, code, message);

    public static Refusal Missing(string code, string message) => new(RefusalKind.NotFound, code, message);

    public static Refusal Invalid(string code, string message) => new(RefusalKind.Invalid, code, message);
}
