using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>A request to change an incident, decided purely against its folded state.</summary>
public interface IIncidentCommand
{
    /// <summary>The roles that may issue this command at all; checked before the decision runs.</summary>
    IReadOnlySet<Role> PermittedRoles { get; }

    Decision Decide(IncidentState state, CommandContext context);
}
