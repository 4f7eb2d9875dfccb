using Incidents.Api.Http;
using Incidents.Api.Incidents;
using Incidents.Api.Incidents.Commands;
using Incidents.Api.Pipeline;
using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Incidents;

namespace Incidents.Api.Accounts.Commands;

public static class OpenAccountEndpoint
{
    /// <summary>The account and its operation policy (000 §6(2); 003 (1)), and who approved it.</summary>
    public sealed record Body(
        Platform Platform,
        string Handle,
        string DisplayName,
        string Url,
        string Department,
        string Purpose,
        string Content,
        string PostingSchedule,
        string ReplyPolicy,
        string ApprovedBy,
        string? OperationPeriod = null,
        string? HomepageUrl = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Text(Handle, "handle", 200)
            .Text(DisplayName, "displayName", Limits.Name)
            .Url(Url, "url")
            .Text(Department, "department", Limits.Name)
            .Text(Purpose, "purpose", Limits.Note)
            .Text(Content, "content", Limits.Note)
            .Text(PostingSchedule, "postingSchedule", Limits.Note)
            .Text(ReplyPolicy, "replyPolicy", Limits.Note)
            .Text(ApprovedBy, "approvedBy", Limits.Name)
            .Text(OperationPeriod, "operationPeriod", Limits.Name, required: false)
            .Url(HomepageUrl, "homepageUrl", required: false);
    }

    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapPost("/", async (HttpContext http, CancellationToken cancellationToken) =>
            {
                var body = await JsonBodyReader.ReadAsync<Body>(http.Request, cancellationToken);
                var id = OfficialAccountId.New();
                var command = new OpenAccount(
                    id.Value, body.Platform, body.Handle.Trim(), body.DisplayName.Trim(), body.Url.Trim(), body.Department.Trim(),
                    new OperationPolicy(body.Purpose, body.Content, body.PostingSchedule, body.ReplyPolicy, body.OperationPeriod),
                    body.HomepageUrl?.Trim(), body.ApprovedBy.Trim());
                return await CommandExecution.RunAsync(
                    http, command.PermittedRoles,
                    (call, token) => call.RunAccountCommandAsync(id, command, ExpectedIncidentVersion.Any, creates: true, token),
                    cancellationToken);
            })
            .Accepts<Body>("application/json")
            .WithAccountCommandResponses()
            .Produces(StatusCodes.Status201Created)
            .WithSummary("Record an account opened with approval and notified to the CISO (別紙2). Honours Idempotency-Key.");
}
