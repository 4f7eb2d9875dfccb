using Incidents.Api.Access;
using Incidents.Api.Access.Matrix;
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
        app.UseWriteRequestChecks();

        // Every route takes its authorisation from the matrix (Access/Matrix/AuthorizationMatrix.cs).
        var routes = app.MapGroup("").WithAuthorizationMatrix();
        routes.MapOpenApi().AllowAnonymous();
        routes.MapHealthRoutes();
        routes.MapIncidentRoutes();
        routes.MapRunbookRoutes();
        routes.MapMeRoutes();
        routes.MapUserAdminRoutes();
        routes.MapAuditRoutes();
        routes.MapOfficialAccountRoutes();
        routes.MapWebhookRoutes();
        routes.MapProjectionRoutes();
        routes.MapDashboard();
        return app;
    }
}
