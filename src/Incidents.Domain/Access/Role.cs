namespace Incidents.Domain.Access;

/// <summary>The roles of the guidelines (see shared/domain.md), plus the service's own automation.</summary>
public enum Role
{
    Staff,
    PublishingOfficer,
    DepartmentHead,
    SecurityManager,
    Ciso,
    Admin,
    Automation,
}
