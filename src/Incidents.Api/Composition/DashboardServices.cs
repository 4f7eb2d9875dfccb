using Incidents.Api.Dashboard.Live;
using Incidents.Api.Dashboard.Sessions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Incidents.Api.Composition;

/// <summary>
/// The dashboard's cookie session (Secure, HttpOnly, SameSite=Lax, re-checked against its API token on every request),
/// anti-forgery for its forms, data-protection keys shared by every node through PostgreSQL (encrypted with a
/// certificate when one is configured), and live updates.
/// </summary>
public static class DashboardServices
{
    public static IServiceCollection AddIncidentsDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication().AddCookie(DashboardSession.Scheme, options =>
        {
            options.Cookie.Name = DashboardSession.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.LoginPath = "/dashboard/login";
            options.ExpireTimeSpan = DashboardSession.Lifetime;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            options.Events.OnRedirectToLogin = context =>
            {
                // The live script and the event stream cannot follow a redirect to a form: they get 401 and reload.
                var live = context.Request.Headers["X-Dashboard-Fragment"] == "1" || context.Request.Path.StartsWithSegments("/dashboard/live");
                if (live)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(options => options.AddPolicy(DashboardSession.Policy, policy => policy
            .AddAuthenticationSchemes(DashboardSession.Scheme)
            .RequireAuthenticatedUser()));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = DashboardSession.AntiforgeryCookieName;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = DashboardSession.AntiforgeryField;
            options.HeaderName = null;
        });
        var dataProtection = services.AddDataProtection().SetApplicationName("incidents");
        if (KeyRingCertificate.Load(configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, dataSource) => options.XmlRepository = new PostgresKeyRepository(dataSource));

        services.AddSingleton<LiveUpdates>();
        services.AddBackgroundLoop("dashboard-live", (sp, token) => sp.GetRequiredService<LiveUpdates>().RunAsync(token));
        return services;
    }
}
