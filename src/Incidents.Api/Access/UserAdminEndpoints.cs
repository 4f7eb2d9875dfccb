using Incidents.Api.Http;
using Incidents.Domain.Access;

namespace Incidents.Api.Access;

/// <summary>Administrators manage users and their tokens (the same things the users CLI does).</summary>
public static class UserAdminEndpoints
{
    public sealed record NewUser(string Name, IReadOnlyList<Role> Roles, string? Email = null, int? ExpiresInDays = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors)
        {
            errors.Text(Name, "name", 100).Count(Roles, "roles", 1, Enum.GetValues<Role>().Length).Text(Email, "email", 200, required: false);
            if (Email is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add("email", "Not an email address.");
            }

            new TokenLifetime(ExpiresInDays).Validate(errors);
        }
    }

    public static void MapUserAdminRoutes(this IEndpointRouteBuilder app)
    {
        // Administrators only: the roles come from the authorisation matrix (Access/Matrix).
        var admin = app.MapGroup("/api/admin/users").RequireAuthorization().WithTags("Access");

        admin.MapGet("/", async (HttpContext http, UserStore users, CancellationToken cancellationToken) =>
                Results.Json(ListPaging.Apply(http, await users.ListAsync(cancellationToken)).Select(u => new { u.Id, u.Name, roles = u.Roles.Select(RoleNames.Of), u.Email }), HttpJson.Options))
            .WithSummary("Every user and their roles.");

        admin.MapPost("/", async (HttpContext http, UserStore users, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var body = await JsonBodyReader.ReadAsync<NewUser>(http.Request, cancellationToken);
                if (await users.FindByNameAsync(body.Name.Trim(), cancellationToken) is not null)
                {
                    throw new ProblemException(StatusCodes.Status409Conflict, "user-exists", "The user exists", $"A user named '{body.Name}' already exists; issue them a token instead.");
                }

                var user = await users.CreateAsync(body.Name.Trim(), body.Roles, body.Email, cancellationToken);
                var expiresAt = new TokenLifetime(body.ExpiresInDays).ExpiresAt(time);
                var token = await users.IssueTokenAsync(user.Id, expiresAt, cancellationToken);
                return Results.Json(new { user.Id, user.Name, roles = user.Roles.Select(RoleNames.Of), token = new IssuedToken(token, expiresAt) }, HttpJson.Options, statusCode: StatusCodes.Status201Created);
            })
            .Accepts<NewUser>("application/json")
            .WithSummary("Create a user; the answer carries their first token, shown only this once.");

        admin.MapPost("/{name}/tokens", async (string name, HttpContext http, UserStore users, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var user = await FindAsync(users, name, cancellationToken);
                var expiresAt = (await MeEndpoints.ReadLifetimeAsync(http.Request, cancellationToken)).ExpiresAt(time);
                return Results.Json(new IssuedToken(await users.IssueTokenAsync(user.Id, expiresAt, cancellationToken), expiresAt), HttpJson.Options, statusCode: StatusCodes.Status201Created);
            })
            .WithSummary("Issue another token for a user.");

        admin.MapPost("/{name}/revoke-tokens", async (string name, UserStore users, CancellationToken cancellationToken) =>
                Results.Json(new { revoked = await users.RevokeAllTokensAsync((await FindAsync(users, name, cancellationToken)).Id, null, cancellationToken) }, HttpJson.Options))
            .WithSummary("Revoke every token of a user, at once on every node.");

        admin.MapPost("/{name}/disable", async (string name, UserStore users, CancellationToken cancellationToken) =>
            {
                await users.DisableAsync((await FindAsync(users, name, cancellationToken)).Id, cancellationToken);
                return Results.NoContent();
            })
            .WithSummary("Disable a user: none of their tokens work any more.");
    }

    private static async Task<UserAccount> FindAsync(UserStore users, string name, CancellationToken cancellationToken) =>
        await users.FindByNameAsync(name, cancellationToken) ?? throw Problems.NotFound("user-not-found", $"No user is named '{name}'.");
}
