using System.Collections.Immutable;

namespace Incidents.Domain.Incidents.State;

public sealed record StatementState(
    Guid Id,
    StatementKind Kind,
    IReadOnlyList<StatementChannel> Channels,
    string Text,
    string? LinkUrl,
    Guid? Corrects,
    int Revision,
    string DraftedBy,
    DateTimeOffset DraftedAt,
    ImmutableHashSet<string> Authors,
    int? ApprovedRevision = null,
    string? ApprovedBy = null,
    DateTimeOffset? ApprovedAt = null,
    string? PublishedBy = null,
    DateTimeOffset? PublishedAt = null,
    string? PublishedUrl = null)
{
    public StatementStatus Status => PublishedAt is not null
        ? StatementStatus.Published
        : ApprovedRevision == Revision ? StatementStatus.Approved : StatementStatus.Draft;
}
