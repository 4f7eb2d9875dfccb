using Incidents.Api.Access;
using Incidents.Api.Audit;
using Incidents.Api.Accounts;
using Incidents.Api.Dashboard;
using Incidents.Api.Health;
using Incidents.Api.Http;
using Incidents.Api.Incidents;
using Incidents.Api.Notifications.Webhooks;
using Incidents.Api.Projections;
using Incidents.Api.Runbooks;

namespace Incidents.Api.Composition;

/// <summary>The HTTP pipeline: problem responses for every error, authentication, then the routes.</summary>
public static class IncidentsApplication
{
    public static WebApplication UseIncidents(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthRoutes();
        app.MapIncidentRoutes();
        app.MapRunbookRoutes();
        app.MapMeRoutes();
        app.MapUserAdminRoutes();
        app.MapAuditRoutes();
        app.MapOfficialAccountRoutes();
        app.MapWebhookRoutes();
        app.MapProjectionRoutes();
        app.MapDashboard();
        return app;
    }
}
