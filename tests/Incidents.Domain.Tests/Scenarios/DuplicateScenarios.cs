using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Domain.Tests.Scenarios;

/// <summary>Scenario steps for duplicate reports, genuine accounts and merges.</summary>
public static class DuplicateScenarios
{
    public static readonly Guid DuplicateId = Guid.Parse("01960000-0000-7000-8000-00000000a002");

    /// <summary>A second incident, reported by <see cref="Actors.Writer"/> about another fake handle.</summary>
    public static Scenario Duplicate(IncidentKind kind = IncidentKind.Impersonation) =>
        Given.NoIncident.Do(
            Given.Report(kind) with { IncidentId = DuplicateId, AccountHandle = "@misato_town_fake2", WhatWasSeen = "同じ偽アカウントの別名" },
            Actors.Writer);

    public static RecordAdditionalReport AnotherReport(string what = "同じ偽アカウントが給付金の案内をしている") =>
        new("@Misato_Town_Fake", "https://twitter.com/misato_town_fake/", what, ["https://x.com/misato_town_fake/status/2"], null, "内線 5678");

    public static Scenario ReportedAgain(this Scenario scenario, Actor by, string what = "同じ偽アカウントが給付金の案内をしている") =>
        scenario.Do(AnotherReport(what), by);

    public static Scenario LinkedTo(this Scenario scenario, GenuineAccount account) => scenario.Do(new LinkGenuineAccount(account), Actors.Reporter);

    public static MergeDecision DecideMerge(this Scenario survivor, Scenario duplicate, Actor? by = null) =>
        new MergeIncidents(duplicate.Id, "同一の偽アカウント").Decide(survivor.State, duplicate.State, survivor.ContextFor(by ?? Actors.Ciso));

    /// <summary>Merges <paramref name="duplicate"/> into <paramref name="survivor"/> and records both sides.</summary>
    public static (Scenario Survivor, Scenario Duplicate) Merge(this Scenario survivor, Scenario duplicate)
    {
        var decision = survivor.DecideMerge(duplicate);
        if (decision.Refusal is { } refusal)
        {
            throw new InvalidOperationException($"The merge was refused: {refusal.Code}: {refusal.Message}");
        }

        return (Record(survivor, decision.SurvivorEvents), Record(duplicate, decision.DuplicateEvents));
    }

    private static Scenario Record(Scenario scenario, IReadOnlyList<Domain.Incidents.Events.IIncidentEvent> events) => scenario with
    {
        State = events.Aggregate(scenario.State, (state, e) => state.Apply(e)),
        History = scenario.History.AddRange(events),
        Now = scenario.Now + Scenario.Tick,
    };
}
