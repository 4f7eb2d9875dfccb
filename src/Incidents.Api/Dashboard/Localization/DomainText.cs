using Incidents.Api.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Text;
using Incidents.Projections;

namespace Incidents.Api.Dashboard.Localization;

/// <summary>Names that come from the runbooks: incident kinds, steps, and the role each step needs.</summary>
public static class DomainText
{
    public static IncidentKind? KindOf(string wire) =>
        Enum.GetValues<IncidentKind>().Cast<IncidentKind?>().FirstOrDefault(k => WireName.Of(k!.Value) == wire);

    public static LocalizedText Kind(RunbookCatalog runbooks, string wire) =>
        KindOf(wire) is { } kind ? runbooks.For(kind).Title : new LocalizedText(wire, wire);

    public static RunbookStep? Step(RunbookCatalog runbooks, string kindWire, string? stepKey) =>
        stepKey is not null && KindOf(kindWire) is { } kind ? runbooks.For(kind).Step(stepKey) : null;

    public static LocalizedText StepTitle(RunbookCatalog runbooks, string kindWire, string stepKey) =>
        Step(runbooks, kindWire, stepKey)?.Title ?? new LocalizedText(stepKey, stepKey);

    /// <summary>Who must act on a step: its responsible role, and the person assigned if there is one.</summary>
    public static string WhoMustAct(RunbookCatalog runbooks, string kindWire, string? stepKey, string? assignee, string language)
    {
        var role = Step(runbooks, kindWire, stepKey) is { } step ? Labels.Role(RoleNames.Of(step.Responsible)).In(language) : null;
        return (role, assignee) switch
        {
            (null, null) => "—",
            (null, _) => assignee!,
            (_, null) => role!,
            _ => language == Language.English ? $"{role} ({assignee})" : $"{role}（{assignee}）",
        };
    }
}
