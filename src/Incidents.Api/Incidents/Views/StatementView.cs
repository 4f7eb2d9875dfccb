using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.State;

namespace Incidents.Api.Incidents.Views;

public sealed record StatementView(
    Guid Id,
    StatementKind Kind,
    IReadOnlyList<StatementChannel> Channels,
    string Text,
    string? LinkUrl,
    Guid? Corrects,
    int Revision,
    StatementStatus Status,
    string DraftedBy,
    DateTimeOffset DraftedAt,
    IReadOnlyList<string> Authors,
    int? ApprovedRevision,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string? PublishedBy,
    DateTimeOffset? PublishedAt,
    string? PublishedUrl);
