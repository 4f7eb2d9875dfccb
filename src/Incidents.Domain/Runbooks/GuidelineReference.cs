namespace Incidents.Domain.Runbooks;

public sealed record GuidelineReference(Guideline Guideline, string Section)
{
    public override string ToString() =>
        Guideline.FileName.Length > 0 ? $"{Guideline.Code} {Section} ({Guideline.FileName})" : $"{Guideline.Title.Ja} {Section}";
}
