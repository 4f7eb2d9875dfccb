using Incidents.Api.Http;
using Incidents.Api.Incidents.Commands;
using Incidents.Domain.Accounts.Commands;

namespace Incidents.Api.Accounts.Commands;

public static class ChangeAccountEndpoint
{
    /// <summary>Only the fields to change; the approver is always required.</summary>
    public sealed record Body(
        string ApprovedBy,
        string? Handle = null,
        string? DisplayName = null,
        string? Url = null,
        string? Department = null,
        string? Purpose = null,
        string? Content = null,
        string? PostingSchedule = null,
        string? ReplyPolicy = null,
        string? OperationPeriod = null,
        string? HomepageUrl = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Text(ApprovedBy, "approvedBy", Limits.Name)
            .Text(Handle, "handle", 200, required: false)
            .Text(DisplayName, "displayName", Limits.Name, required: false)
            .Url(Url, "url", required: false)
            .Text(Department, "department", Limits.Name, required: false)
            .Text(Purpose, "purpose", Limits.Note, required: false)
            .Text(Content, "content", Limits.Note, required: false)
            .Text(PostingSchedule, "postingSchedule", Limits.Note, required: false)
            .Text(ReplyPolicy, "replyPolicy", Limits.Note, required: false)
            .Text(OperationPeriod, "operationPeriod", Limits.Name, required: false)
            .Url(HomepageUrl, "homepageUrl", required: false);
    }

    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapAccountCommand<Body>("/{id}/change", body => new ChangeAccount(
                body.Handle?.Trim(), body.DisplayName?.Trim(), body.Url?.Trim(), body.Department?.Trim(), body.Purpose, body.Content,
                body.PostingSchedule, body.ReplyPolicy, body.OperationPeriod, body.HomepageUrl?.Trim(), body.ApprovedBy.Trim()))
            .WithSummary("Change the account's details or operation policy, with approval; a changed handle stays on record as formerly ours.");
}
