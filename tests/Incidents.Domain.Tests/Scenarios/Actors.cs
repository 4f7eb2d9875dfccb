using Incidents.Domain.Access;

namespace Incidents.Domain.Tests.Scenarios;

/// <summary>The people (and the automation) who act in the scenarios, one per role.</summary>
public static class Actors
{
    public static readonly Actor Reporter = new("staff-sato", Role.Staff);

    /// <summary>A second member of staff, so a statement's writer is never its reporter by accident.</summary>
    public static readonly Actor Writer = new("staff-suzuki", Role.Staff);

    public static readonly Actor PublishingOfficer = new("officer-takahashi", Role.PublishingOfficer);

    public static readonly Actor DepartmentHead = new("head-tanaka", Role.DepartmentHead);

    public static readonly Actor SecurityManager = new("secmgr-ito", Role.SecurityManager);

    public static readonly Actor Ciso = new("ciso-watanabe", Role.Ciso);

    public static readonly Actor Admin = new("admin-kobayashi", Role.Admin);

    public static readonly Actor Automation = new("automation", Role.Automation);
}
