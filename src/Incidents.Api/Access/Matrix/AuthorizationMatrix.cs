using System.Collections.Frozen;
using Incidents.Api.Projections;
using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Access.Matrix;

/// <summary>
/// Who may call what: every endpoint of the API and every page and action of the dashboard, with the roles allowed.
/// The one source of truth: endpoints take their authorisation from this table when they are built (an endpoint
/// without a row refuses everyone), the README's table is generated from it, and tests walk every row with every
/// role. Where a domain command decides the request, its PermittedRoles are the row's roles (a test compares them).
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>Any signed-in user, whatever their role.</summary>
    public static readonly FrozenSet<Role> AnyRole = RoleSet.Everyone;

    public static readonly FrozenSet<Role> Administrators = new[] { Role.Admin }.ToFrozenSet();

    /// <summary>Who may read the audit trail across every incident.</summary>
    public static readonly FrozenSet<Role> AuditReaders = new[] { Role.Admin, Role.Ciso, Role.SecurityManager }.ToFrozenSet();

    public static readonly IReadOnlyList<EndpointRule> Rules =
    [
        Public("GET", "/openapi/{documentName}.json"),
        Public("*", "/health/live"),
        Public("*", "/health/ready"),
        Public("GET", "/api/public/official-accounts"),
        Public("GET", "/api/public/official-accounts/check"),
        Public("GET", "/official-accounts"),
        Public("GET", "/official-accounts/styles.css"),

        Token("GET", "/api/me", AnyRole),
        Token("GET", "/api/me/tokens", AnyRole),
        Token("POST", "/api/me/tokens/rotate", AnyRole),
        Token("POST", "/api/me/tokens/{tokenId}/revoke", AnyRole),
        Token("GET", "/api/admin/users", Administrators),
        Token("POST", "/api/admin/users", Administrators),
        Token("POST", "/api/admin/users/{name}/tokens", Administrators),
        Token("POST", "/api/admin/users/{name}/revoke-tokens", Administrators),
        Token("POST", "/api/admin/users/{name}/disable", Administrators),
        Token("GET", "/api/audit", AuditReaders),
        Token("GET", "/api/runbooks", AnyRole),

        Token("GET", "/api/incidents", AnyRole),
        Token("POST", "/api/incidents", RoleSet.Responders, typeof(ReportIncident)),
        Token("GET", "/api/incidents/{id}", AnyRole),
        Token("GET", "/api/incidents/{id}/timeline", AnyRole),
        Token("GET", "/api/incidents/{id}/statement-templates", AnyRole),
        Token("POST", "/api/incidents/{id}/acknowledge", RoleSet.Coordinators, typeof(AcknowledgeIncident)),
        Token("POST", "/api/incidents/{id}/assign", RoleSet.Coordinators, typeof(AssignIncident)),
        Token("POST", "/api/incidents/{id}/steps/{stepKey}/assign", RoleSet.Coordinators, typeof(AssignStep)),
        Token("POST", "/api/incidents/{id}/steps/{stepKey}/complete", RoleSet.Responders, typeof(CompleteStep)),
        Token("POST", "/api/incidents/{id}/steps/{stepKey}/waive", RoleSet.Coordinators, typeof(WaiveStep)),
        Token("POST", "/api/incidents/{id}/report-to-officers", RoleSet.Responders, typeof(ReportToOfficers)),
        Token("POST", "/api/incidents/{id}/request-takedown", RoleSet.Responders, typeof(RequestTakedown)),
        Token("POST", "/api/incidents/{id}/record-platform-answer", RoleSet.Responders, typeof(RecordPlatformAnswer)),
        Token("POST", "/api/incidents/{id}/record-password-rotation", RoleSet.Responders, typeof(RecordPasswordRotation)),
        Token("POST", "/api/incidents/{id}/record-deleted-posts", RoleSet.Responders, typeof(RecordPostsDeleted)),
        Token("POST", "/api/incidents/{id}/record-pc-scan", RoleSet.Scanners, typeof(RecordPcScan)),
        Token("POST", "/api/incidents/{id}/record-police-contact", RoleSet.Responders, typeof(RecordPoliceContact)),
        Token("POST", "/api/incidents/{id}/record-spread-check", RoleSet.Responders, typeof(RecordSpreadCheck)),
        Token("POST", "/api/incidents/{id}/draft-statement", RoleSet.StatementWriters, typeof(DraftStatement)),
        Token("POST", "/api/incidents/{id}/statements/{statementId}/revise", RoleSet.StatementWriters, typeof(ReviseStatement)),
        Token("POST", "/api/incidents/{id}/statements/{statementId}/approve", RoleSet.StatementApprovers, typeof(ApproveStatement)),
        Token("POST", "/api/incidents/{id}/statements/{statementId}/publish", RoleSet.StatementWriters, typeof(PublishStatement)),
        Token("POST", "/api/incidents/{id}/resolve", RoleSet.Coordinators, typeof(ResolveIncident)),
        Token("POST", "/api/incidents/{id}/close", RoleSet.SecurityOfficers, typeof(CloseIncident)),
        Token("POST", "/api/incidents/{id}/reopen", RoleSet.SecurityOfficers, typeof(ReopenIncident)),
        Token("POST", "/api/incidents/{id}/link-genuine-account", RoleSet.Responders, typeof(LinkGenuineAccount)),
        Token("POST", "/api/incidents/{id}/merge", MergeIncidents.PermittedRoles, typeof(MergeIncidents)),

        Token("GET", "/api/accounts", AnyRole),
        Token("POST", "/api/accounts", AccountRoles.Owners, typeof(OpenAccount)),
        Token("GET", "/api/accounts/{id}", AnyRole),
        Token("GET", "/api/accounts/{id}/timeline", AnyRole),
        Token("POST", "/api/accounts/{id}/change", AccountRoles.Owners, typeof(ChangeAccount)),
        Token("POST", "/api/accounts/{id}/add-to-public-list", AccountRoles.ListKeepers, typeof(AddToPublicList)),
        Token("POST", "/api/accounts/{id}/verified-badge", AccountRoles.BadgeRecorders, typeof(RecordVerifiedBadge)),
        Token("POST", "/api/accounts/{id}/notify-abolition", AccountRoles.Owners, typeof(NotifyAbolition)),
        Token("POST", "/api/accounts/{id}/remove-from-public-list", AccountRoles.ListKeepers, typeof(RemoveFromPublicList)),
        Token("POST", "/api/accounts/{id}/close", AccountRoles.Owners, typeof(CloseAccount)),
        Token("POST", "/api/accounts/{id}/close-now", AccountRoles.ThreatResponders, typeof(CloseAccountUnderThreat)),

        Token("GET", "/api/webhooks", Administrators),
        Token("POST", "/api/webhooks", Administrators),
        Token("POST", "/api/webhooks/{id}/disable", Administrators),

        Token("GET", "/api/projections", ProjectionRoles.Readers),
        Token("GET", "/api/projections/{name}", ProjectionRoles.Readers),
        Token("POST", "/api/projections/{name}/rebuild", ProjectionRoles.Operators),
        Token("POST", "/api/projections/{name}/resume", ProjectionRoles.Operators),

        Public("GET", "/dashboard/assets/{name}"),
        Public("GET", "/dashboard/login"),
        Public("POST", "/dashboard/login"),
        Public("GET", "/dashboard/language/{language}"),
        Session("GET", "/dashboard", AnyRole),
        Session("GET", "/dashboard/incidents/{id}", AnyRole),
        Session("GET", "/dashboard/metrics", AnyRole),
        Session("GET", "/dashboard/system", ProjectionRoles.Readers),
        Session("GET", "/dashboard/live", AnyRole),
        Session("POST", "/dashboard/logout", AnyRole),
        Session("POST", "/dashboard/system/projections/{name}/{operation}", ProjectionRoles.Operators),
        Session("POST", "/dashboard/incidents/{id}/acknowledge", RoleSet.Coordinators, typeof(AcknowledgeIncident)),
        Session("POST", "/dashboard/incidents/{id}/statements/{statementId}/approve", RoleSet.StatementApprovers, typeof(ApproveStatement)),
        Session("POST", "/dashboard/incidents/{id}/steps/{stepKey}/complete", RoleSet.Responders, typeof(CompleteStep)),
        Session("POST", "/dashboard/incidents/{id}/steps/{stepKey}/waive", RoleSet.Coordinators, typeof(WaiveStep)),
        Session("POST", "/dashboard/incidents/{id}/report-to-officers", RoleSet.Responders, typeof(ReportToOfficers)),
        Session("POST", "/dashboard/incidents/{id}/request-takedown", RoleSet.Responders, typeof(RequestTakedown)),
    ];

    private static readonly FrozenDictionary<string, EndpointRule> ByKey = Rules.ToFrozenDictionary(r => r.Key, StringComparer.Ordinal);

    /// <summary>The row of an endpoint, by its method (<c>*</c> when it accepts any) and route pattern; null when it has none.</summary>
    public static EndpointRule? Find(string method, string route) => ByKey.GetValueOrDefault(EndpointRule.KeyOf(method, route));

    private static EndpointRule Public(string method, string route) => new(method, route, Credential.None, FrozenSet<Role>.Empty);

    private static EndpointRule Token(string method, string route, IReadOnlySet<Role> roles, Type? decidedBy = null) =>
        new(method, route, Credential.BearerToken, roles, decidedBy);

    private static EndpointRule Session(string method, string route, IReadOnlySet<Role> roles, Type? decidedBy = null) =>
        new(method, route, Credential.DashboardSession, roles, decidedBy);
}
