using System.Text.Json;
using Incidents.Api.Access;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Runbooks;

/// <summary>
/// Reads per-step overrides of the default runbooks from configuration and builds the catalog the service runs with:
/// <code>
/// Runbooks:Overrides:&lt;kind&gt;:&lt;step&gt;:Deadline             = 45m
/// Runbooks:Overrides:&lt;kind&gt;:&lt;step&gt;:Ladder:RepeatEvery     = 1h
/// Runbooks:Overrides:&lt;kind&gt;:&lt;step&gt;:Ladder:Rungs:0:After  = 0m
/// Runbooks:Overrides:&lt;kind&gt;:&lt;step&gt;:Ladder:Rungs:0:Notify = department-head
/// </code>
/// Kinds and roles are spelled as the API spells them (account-takeover, department-head). A mistake stops the service
/// at startup with the offending key, rather than leaving a deadline silently at its default.
/// </summary>
public static class RunbookOverridesConfiguration
{
    public const string Section = "Runbooks:Overrides";

    public static RunbookCatalog Catalog(IConfiguration configuration)
    {
        try
        {
            return RunbookCatalog.Default.WithOverrides(Read(configuration.GetSection(Section)));
        }
        catch (RunbookOverrideException e)
        {
            throw new InvalidOperationException($"{Section}: {e.Message}", e);
        }
    }

    public static IReadOnlyList<StepOverride> Read(IConfigurationSection overrides)
    {
        var result = new List<StepOverride>();
        foreach (var kindSection in overrides.GetChildren())
        {
            var kind = ParseKind(kindSection);
            foreach (var step in kindSection.GetChildren())
            {
                var ladder = step.GetSection("Ladder");
                var rungs = ladder.GetSection("Rungs").GetChildren().OrderBy(r => int.TryParse(r.Key, out var i) ? i : int.MaxValue).ToList();
                result.Add(new StepOverride(
                    kind,
                    step.Key,
                    Duration(step.GetSection("Deadline")),
                    rungs.Count == 0 ? null : rungs.Select(Rung).ToList(),
                    Duration(ladder.GetSection("RepeatEvery"))));
            }
        }

        return result;
    }

    private static IncidentKind ParseKind(IConfigurationSection section)
    {
        foreach (var kind in Enum.GetValues<IncidentKind>())
        {
            if (string.Equals(KindName(kind), section.Key, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(kind.ToString(), section.Key, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw Invalid(section, $"'{section.Key}' is not an incident kind. Kinds: {string.Join(", ", Enum.GetValues<IncidentKind>().Select(KindName))}.");
    }

    private static string KindName(IncidentKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static EscalationRung Rung(IConfigurationSection rung)
    {
        var after = Duration(rung.GetSection("After")) ?? throw Invalid(rung, "every rung needs 'After' (for example 15m).");
        var notify = rung["Notify"] is { } name && RoleNames.TryParse(name, out var role)
            ? role
            : throw Invalid(rung, $"every rung needs 'Notify', one of: {string.Join(", ", RoleNames.All.Where(n => n != RoleNames.Of(Role.Admin)))}.");
        return new EscalationRung(after, notify);
    }

    private static TimeSpan? Duration(IConfigurationSection section) =>
        section.Value is null ? null
        : ConfiguredDuration.TryParse(section.Value, out var duration) ? duration
        : throw Invalid(section, $"'{section.Value}' is not a duration; write for example 00:45:00, 45m, 2h or 7d.");

    private static InvalidOperationException Invalid(IConfigurationSection section, string message) =>
        new($"{section.Path}: {message}");
}
