using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents;

/// <summary>
/// What makes two reports the same incident: the same kind about the same account. The kind is part of it because
/// kinds run different runbooks: a takeover of our account must not vanish into an open backlash about it.
/// </summary>
public sealed record IncidentAccountKey(IncidentKind Kind, AccountKey Account)
{
    public static IncidentAccountKey Of(IncidentKind kind, Platform platform, string handleOrUrl) =>
        new(kind, AccountKey.Of(platform, handleOrUrl));

    /// <summary>The incident's own key and those of the duplicates merged into it, which it now answers for.</summary>
    public static IReadOnlyList<IncidentAccountKey> AllOf(IncidentState state) =>
    [
        Of(state.Kind, state.Platform, state.AccountHandle),
        .. state.MergedIncidents.Select(m => Of(m.Kind, m.Platform, m.AccountHandle)),
    ];
}
