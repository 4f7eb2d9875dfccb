using System.Collections.Frozen;
using Incidents.Domain.Access;

namespace Incidents.Api.Projections;

/// <summary>Who may see the projections' state, and who may rebuild or resume one.</summary>
public static class ProjectionRoles
{
    public static readonly FrozenSet<Role> Readers = new[] { Role.Admin, Role.Ciso, Role.SecurityManager }.ToFrozenSet();

    public static readonly FrozenSet<Role> Operators = new[] { Role.Admin, Role.Ciso }.ToFrozenSet();
}
