using Incidents.Api.Dashboard.Actions;
using Incidents.Api.Dashboard.Assets;
using Incidents.Api.Dashboard.Live;
using Incidents.Api.Dashboard.Pages;
using Incidents.Api.Dashboard.Sessions;

namespace Incidents.Api.Dashboard;

/// <summary>
/// The officers' dashboard under /dashboard: server-rendered pages behind a cookie session, the live-update stream,
/// the incident actions (through the command pipeline), and its own assets.
/// </summary>
public static class DashboardRoutes
{
    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapDashboardAssets();
        app.MapLogin();
        var dashboard = app.MapGroup("/dashboard").RequireAuthorization(DashboardSession.Policy).ExcludeFromDescription();
        OverviewPage.Map(dashboard);
        IncidentPage.Map(dashboard);
        MetricsPage.Map(dashboard);
        SystemPage.Map(dashboard);
        dashboard.MapLive();
        dashboard.MapLogout();
        AcknowledgeAction.Map(dashboard);
        ApproveStatementAction.Map(dashboard);
        CompleteStepAction.Map(dashboard);
        WaiveStepAction.Map(dashboard);
        ReportToOfficersAction.Map(dashboard);
        RequestTakedownAction.Map(dashboard);
    }
}
