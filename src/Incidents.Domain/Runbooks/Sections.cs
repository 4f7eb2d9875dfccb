namespace Incidents.Domain.Runbooks;

/// <summary>Shorthands for the guideline sections the runbooks cite.</summary>
internal static class Sections
{
    public static GuidelineReference Misato(string section) => new(Guideline.Misato, section);

    public static GuidelineReference Urausu(string section) => new(Guideline.Urausu, section);

    public static GuidelineReference Shiroi(string section) => new(Guideline.Shiroi, section);

    public static GuidelineReference Fuji(string section) => new(Guideline.Fuji, section);

    public static readonly GuidelineReference PlatformActSevenDays = new(Guideline.PlatformAct, "削除申出への7日以内の応答");
}
