using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Tests.Scenarios;

/// <summary>Where every scenario starts: no incident, or one just reported by <see cref="Actors.Reporter"/>.</summary>
public static class Given
{
    public const string AccountUrl = "https://x.com/misato_town_fake";

    public const string HomepageUrl = "https://www.town.misato.example.jp/sns/accounts.html";

    public static readonly Guid IncidentId = Guid.Parse("01960000-0000-7000-8000-00000000a001");

    /// <summary>The town's genuine X account: the one impersonated, and the one a takeover report names.</summary>
    public static readonly GenuineAccount OfficialAccount = new(
        Guid.Parse("01960000-0000-7000-8000-00000000ac01"), Platform.X, "@misato_town", "https://x.com/misato_town");

    /// <summary>A weekday morning in Japan Standard Time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static Scenario NoIncident { get; } = new(IncidentState.Initial, [], Start);

    public static Scenario Reported(IncidentKind kind, string? accountUrl = AccountUrl) =>
        NoIncident.Do(Report(kind, accountUrl), Actors.Reporter);

    /// <summary>An incident of <paramref name="kind"/> driven by real commands into <paramref name="status"/>.</summary>
    public static Scenario In(IncidentKind kind, IncidentStatus status) =>
        status == IncidentStatus.None ? NoIncident : Reported(kind).Into(status);

    public static ReportIncident Report(IncidentKind kind, string? accountUrl = AccountUrl) => new(
        IncidentId,
        kind,
        Platform.X,
        "@misato_town_fake",
        accountUrl,
        "町の公式アカウントを名乗るアカウントが投稿しています",
        ["https://x.com/misato_town_fake/status/1"],
        Start.AddMinutes(-30),
        "総務課",
        "内線 1234")
    {
        GenuineAccount = kind == IncidentKind.AccountTakeover ? OfficialAccount : null,
    };
}
