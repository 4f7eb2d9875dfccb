namespace Incidents.Domain.Decisions;

public enum RefusalKind
{
    /// <summary>The incident's current state forbids the command (HTTP 409).</summary>
    StateConflict,

    /// <summary>The actor may not do this, whatever the state (HTTP 403).</summary>
    NotPermitted,

    /// <summary>The command names something the incident does not have, such as a step or a statement (HTTP 404).</summary>
    NotFound,

    /// <summary>The command's content breaks a rule of the domain (HTTP 422).</summary>
    Invalid,
}
