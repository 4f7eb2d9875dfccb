using Incidents.Api.Dashboard;
using Incidents.Api.Health;
using Incidents.Api.Incidents;
using Incidents.Api.Projections;
using Incidents.Api.Runbooks;

namespace Incidents.Api.Composition;

/// <summary>The HTTP pipeline: problem responses for every error, authentication, then the routes.</summary>
public static class IncidentsApplication
{
    public static WebApplication UseIncidents(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthRoutes();
        app.MapIncidentRoutes();
        app.MapRunbookRoutes();
        app.MapProjectionRoutes();
        app.MapDashboard();
        return app;
    }
}
