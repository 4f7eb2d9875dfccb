namespace Incidents.Domain.Text;

/// <summary>Text people read, Japanese first (the guidelines' language), English second.</summary>
public sealed record LocalizedText(string Ja, string En)
{
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Ja;
}
