using Incidents.Api.Access;
using Incidents.Api.Http;
using Incidents.EventStore.Postgres.Signals;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Runner;
using Incidents.Projections.Status;
using System.Security.Claims;

namespace Incidents.Api.Projections;

/// <summary>What an operator can do to a projection, shared by the API and the dashboard, with the same role rules.</summary>
public sealed class ProjectionOperations(
    ProjectionCatalog catalog, ProjectionStatusQuery statuses, RebuildRequests rebuilds, CheckpointStore checkpoints,
    ChangePublisher publisher, TimeProvider time)
{
    public async Task<ProjectionStatus> StatusAsync(string name, CancellationToken cancellationToken)
    {
        RequireKnown(name);
        return (await statuses.ReadAsync(time.GetUtcNow(), cancellationToken)).Single(s => s.Name == name);
    }

    public async Task<ProjectionStatus> RebuildAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        RequireOperator(user);
        RequireKnown(name);
        if (!await rebuilds.RequestAsync(name, Actors.IdOf(user), time.GetUtcNow(), cancellationToken))
        {
            throw new ProblemException(
                StatusCodes.Status409Conflict, "rebuild-in-progress", "A rebuild is already under way",
                $"Projection '{name}' is already being rebuilt. Follow its progress at /api/projections/{name}.");
        }

        publisher.Publish(ProjectionChannels.Control);
        return await StatusAsync(name, cancellationToken);
    }

    public async Task<ProjectionStatus> ResumeAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        RequireOperator(user);
        RequireKnown(name);
        if (catalog.IsInline(name) || !await checkpoints.ResumeAsync(name, time.GetUtcNow(), cancellationToken))
        {
            throw new ProblemException(
                StatusCodes.Status409Conflict, "projection-not-stopped", "The projection is not stopped",
                $"Projection '{name}' is not stopped at a fault, so there is nothing to resume.");
        }

        publisher.Publish(ProjectionChannels.Control);
        return await StatusAsync(name, cancellationToken);
    }

    public static void RequireReader(ClaimsPrincipal user)
    {
        if (!Actors.HasAny(user, ProjectionRoles.Readers))
        {
            throw Problems.Forbidden("role-not-permitted", "Only an administrator, the CISO or the information security manager may see the projections.");
        }
    }

    private static void RequireOperator(ClaimsPrincipal user)
    {
        if (!Actors.HasAny(user, ProjectionRoles.Operators))
        {
            throw Problems.Forbidden("role-not-permitted", "Only an administrator or the CISO may rebuild or resume a projection.");
        }
    }

    private void RequireKnown(string name)
    {
        if (!catalog.Contains(name))
        {
            throw Problems.NotFound(
                "projection-not-found", $"No projection is named '{name}'. Known: {string.Join(", ", catalog.Names)}.");
        }
    }
}
