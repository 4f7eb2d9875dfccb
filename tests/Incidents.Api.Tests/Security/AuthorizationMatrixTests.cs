using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Incidents.Api.Access;
using Incidents.Api.Access.Matrix;
using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Incidents.Commands;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Incidents.Api.Tests.Security;

/// <summary>
/// The authorisation matrix against the running service: every endpoint has exactly one row, the domain agrees with
/// it, and every row answers every role, no token and a bad token as it says.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly Role[] Roles = Enum.GetValues<Role>();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_endpoint_of_the_service_has_a_row_and_every_row_an_endpoint()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var keys = endpoints.Select(e => EndpointRule.KeyOf(AuthorizationMatrixConvention.MethodOf(e), e.RoutePattern.RawText ?? "/")).ToList();

        var withoutRow = keys.Where(k => AuthorizationMatrix.Rules.All(r => r.Key != k)).ToList();
        var withoutEndpoint = AuthorizationMatrix.Rules.Where(r => !keys.Contains(r.Key)).Select(r => r.Key).ToList();

        Assert.True(withoutRow.Count == 0, "Endpoints without a row in AuthorizationMatrix (they refuse everyone):\n" + string.Join("\n", withoutRow));
        Assert.True(withoutEndpoint.Count == 0, "Rows of AuthorizationMatrix without an endpoint:\n" + string.Join("\n", withoutEndpoint));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(AuthorizationMatrix.Rules.Count, AuthorizationMatrix.Rules.Select(r => r.Key).Distinct().Count());
        Assert.All(endpoints, e => Assert.NotNull(e.Metadata.GetMetadata<EndpointRule>()));
    }

    [Fact]
    public void Domain_commands_permit_exactly_the_roles_of_the_rows_they_decide()
    {
        var decided = AuthorizationMatrix.Rules.Where(r => r.DecidedBy is not null).ToList();

        Assert.All(decided, rule => Assert.True(
            PermittedRoles(rule.DecidedBy!).SetEquals(rule.Roles),
            $"{rule.Key}: the matrix allows {Names(rule.Roles)}, {rule.DecidedBy!.Name} permits {Names(PermittedRoles(rule.DecidedBy!))}"));
        Assert.True(PermittedRoles(typeof(RecordAdditionalReport)).SetEquals(AuthorizationMatrix.Find("POST", "/api/incidents")!.Roles),
            "a report that joins an open incident is decided by RecordAdditionalReport with the reporter's roles");
    }

    [Fact]
    public void Every_command_a_person_can_send_is_decided_behind_a_row()
    {
        var serviceOnly = new[] { typeof(EscalateOverdueStep), typeof(RecordAdditionalReport) };
        var commands = typeof(IIncidentCommand).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && (typeof(IIncidentCommand).IsAssignableFrom(t) || typeof(IAccountCommand).IsAssignableFrom(t)))
            .Append(typeof(MergeIncidents))
            .Except(serviceOnly);

        var decided = AuthorizationMatrix.Rules.Select(r => r.DecidedBy).OfType<Type>().ToHashSet();

        Assert.All(commands, command => Assert.Contains(command, decided));
    }

    [Fact]
    public async Task An_endpoint_without_a_row_refuses_even_an_administrator()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.MapGroup("").WithAuthorizationMatrix().MapGet("/not-in-the-matrix", () => "open?").AllowAnonymous();

        var endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Single();
        var policy = endpoint.Metadata.GetMetadata<AuthorizationPolicy>()!;
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.Role, RoleNames.Of(Role.Admin))], BearerTokenHandler.SchemeName));
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();

        Assert.NotNull(endpoint.Metadata.GetMetadata<UnlistedEndpoint>());
        Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.False((await authorization.AuthorizeAsync(admin, null, policy)).Succeeded);
    }

    [Fact]
    public async Task Every_api_row_answers_every_role_as_the_matrix_says()
    {
        var world = await MatrixWorld.CreateAsync(fixture.Factory);
        var client = fixture.Factory.CreateClient();
        var failures = new List<string>();
        var walked = 0;

        foreach (var rule in AuthorizationMatrix.Rules.Where(r => !r.IsDashboard))
        {
            var answers = new List<string>();
            foreach (var role in Roles)
            {
                var token = await world.TokenForAsync(role);
                using var request = MatrixWorld.WithToken(await world.RequestAsync(rule, token), token);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                walked++;
                answers.Add($"{RoleNames.Of(role)} {(int)response.StatusCode}");
                var problem = await ProblemOrNullAsync(response);
                if (rule.Allows(role) && (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500))
                {
                    failures.Add($"{rule.Key} as {RoleNames.Of(role)}: allowed by the matrix, answered {(int)response.StatusCode} {problem}");
                }
                else if (!rule.Allows(role) && (response.StatusCode != HttpStatusCode.Forbidden || problem is null))
                {
                    failures.Add($"{rule.Key} as {RoleNames.Of(role)}: refused by the matrix, answered {(int)response.StatusCode} {problem}");
                }
            }

            output.WriteLine($"{rule.Key}: {string.Join(", ", answers)}");
        }

        output.WriteLine($"{walked} requests: {walked / Roles.Length} API rows × {Roles.Length} roles");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_dashboard_row_answers_every_role_as_the_matrix_says()
    {
        var world = await MatrixWorld.CreateAsync(fixture.Factory);
        var reader = await fixture.Factory.ClientForAsync("version-reader", Role.Staff);
        var failures = new List<string>();
        var walked = 0;

        foreach (var role in Roles)
        {
            var browser = DashboardBrowser.Create(fixture.Factory);
            var formToken = await browser.SignInAsync(await world.TokenForAsync(role));
            foreach (var rule in AuthorizationMatrix.Rules.Where(r => r.IsDashboard))
            {
                var session = browser;
                var sessionFormToken = formToken;
                if (rule.Route == "/dashboard/logout")
                {
                    session = DashboardBrowser.Create(fixture.Factory);
                    sessionFormToken = await session.SignInAsync(await world.TokenForAsync(role));
                }

                using var request = await world.RequestAsync(rule, "");
                if (rule.Method == "POST")
                {
                    var version = (await reader.GetIncidentAsync(world.IncidentId)).ETag.Trim('"');
                    var csrf = rule.IsPublic ? await session.FormTokenAsync(rule.Route) : sessionFormToken;
                    request.Content = DashboardBrowser.Form(
                        [("__csrf", csrf), ("version", version), .. FormFields(rule, await world.TokenForAsync(role))]);
                    request.Headers.Remove("If-Match");
                }

                using var response = await session.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                walked++;
                var status = (int)response.StatusCode;
                output.WriteLine($"{rule.Key} as {RoleNames.Of(role)}: {status} {response.Headers.Location}");
                var toSignIn = response.Headers.Location?.OriginalString.Contains("/dashboard/login?", StringComparison.Ordinal) == true;
                if (rule.Allows(role) && (status is 401 or 403 || status >= 500 || toSignIn))
                {
                    failures.Add($"{rule.Key} as {RoleNames.Of(role)}: allowed by the matrix, answered {status} {response.Headers.Location}");
                }
                else if (!rule.Allows(role) && status != 403)
                {
                    failures.Add($"{rule.Key} as {RoleNames.Of(role)}: refused by the matrix, answered {status} {response.Headers.Location}");
                }
            }
        }

        output.WriteLine($"{walked} requests: {walked / Roles.Length} dashboard rows × {Roles.Length} roles");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Without_a_token_or_with_a_bad_one_every_row_but_the_public_ones_answers_401()
    {
        var world = await MatrixWorld.CreateAsync(fixture.Factory);
        var client = fixture.Factory.CreateClient();
        var failures = new List<string>();
        string?[] credentials = [null, "inc_" + new string('A', 43), "not-even-a-token", new string('x', 300)];

        foreach (var rule in AuthorizationMatrix.Rules.Where(r => !r.IsDashboard))
        {
            foreach (var token in credentials)
            {
                using var request = MatrixWorld.WithToken(await world.RequestAsync(rule, await world.TokenForAsync(Role.Staff)), token);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var problem = await ProblemOrNullAsync(response);
                if (rule.IsPublic ? response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500
                    : response.StatusCode != HttpStatusCode.Unauthorized || problem is null || response.Headers.WwwAuthenticate.Count == 0)
                {
                    failures.Add($"{rule.Key} with {(token is null ? "no token" : token[..8] + "…")}: answered {(int)response.StatusCode} {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Without_a_session_or_with_a_forged_cookie_every_dashboard_row_but_the_public_ones_sends_you_to_sign_in()
    {
        var world = await MatrixWorld.CreateAsync(fixture.Factory);
        var failures = new List<string>();

        foreach (var rule in AuthorizationMatrix.Rules.Where(r => r.IsDashboard))
        {
            foreach (var cookie in new[] { null, "__Host-incidents-session=CfDJ8forged" })
            {
                var browser = DashboardBrowser.Create(fixture.Factory);
                using var request = await world.RequestAsync(rule, "");
                request.Headers.Remove("If-Match");
                if (rule.Method == "POST")
                {
                    request.Content = DashboardBrowser.Form([.. FormFields(rule, await world.TokenForAsync(Role.Ciso))]);
                }

                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", cookie);
                }

                using var response = await browser.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var toSignIn = response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.OriginalString.Contains("/dashboard/login", StringComparison.Ordinal);
                var refused = toSignIn || (rule.Route == "/dashboard/live" && response.StatusCode == HttpStatusCode.Unauthorized);
                if (rule.IsPublic ? response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500 : !refused)
                {
                    failures.Add($"{rule.Key} with {(cookie is null ? "no session" : "a forged cookie")}: answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_refused_role_gets_a_problem_that_names_the_roles_that_may()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);

        var response = await staff.GetAsync("/api/audit");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("role-not-permitted", problem["code"]!.GetValue<string>());
        Assert.Contains("security-manager, ciso, admin", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public void The_readme_table_is_the_one_the_matrix_renders()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");

        Assert.True(
            AuthorizationMatrixMarkdown.Render(AuthorizationMatrix.Rules) == AuthorizationMatrixMarkdown.Extract(readme),
            "README.md's authorisation table differs from AuthorizationMatrix. Run scripts/generate-authorization-matrix.sh and commit the result.");
    }

    private static IEnumerable<(string, string)> FormFields(EndpointRule rule, string token) => rule.Route switch
    {
        "/dashboard/login" => [("token", token)],
        "/dashboard/incidents/{id}/steps/{stepKey}/complete" => [("note", "済み")],
        "/dashboard/incidents/{id}/steps/{stepKey}/waive" => [("reason", "不要")],
        "/dashboard/incidents/{id}/report-to-officers" => [("recipients", "ciso")],
        _ => [],
    };

    private static async Task<string?> ProblemOrNullAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return problem["status"]?.GetValue<int>() == (int)response.StatusCode && problem["title"] is not null && problem["detail"] is not null
            ? problem["code"]?.GetValue<string>() ?? "problem"
            : null;
    }

    private static IReadOnlySet<Role> PermittedRoles(Type command) =>
        command == typeof(MergeIncidents) ? MergeIncidents.PermittedRoles
        : RuntimeHelpers.GetUninitializedObject(command) switch
        {
            IIncidentCommand incident => incident.PermittedRoles,
            IAccountCommand account => account.PermittedRoles,
            _ => throw new InvalidOperationException($"{command.Name} is not a command"),
        };

    private static string Names(IReadOnlySet<Role> roles) => string.Join(", ", roles.Order().Select(RoleNames.Of));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Incidents.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the repository.");
    }
}
