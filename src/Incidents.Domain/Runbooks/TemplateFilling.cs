using System.Text.RegularExpressions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Text;

namespace Incidents.Domain.Runbooks;

/// <summary>
/// Fills a statement template from the incident: the reported account, and the genuine official account with the
/// homepage list of official accounts, which every impersonation warning points to (000 §6(3); 002 §4(2)).
/// A placeholder without a value stays in the text as written and is named in <see cref="FilledTemplate.Missing"/>,
/// so nobody publishes a warning that points nowhere.
/// </summary>
public static partial class TemplateFilling
{
    public static FilledTemplate Fill(StatementTemplate template, IncidentState state, string homepageUrl)
    {
        var platform = PlatformNames.Of(state.Platform);
        var values = new Dictionary<string, LocalizedText?>(StringComparer.Ordinal)
        {
            ["platform"] = platform,
            ["reportedHandle"] = Same(state.AccountHandle),
            ["reportedUrl"] = Same(state.AccountUrl),
            ["officialHandle"] = Same(state.GenuineAccount?.Handle),
            ["officialUrl"] = Same(state.GenuineAccount?.Url),
            ["homepageUrl"] = Same(homepageUrl),
        };

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        string Replace(string text, Func<LocalizedText, string> pick) => Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (values.TryGetValue(name, out var value) && value is not null)
            {
                return pick(value);
            }

            missing.Add(name);
            return match.Value;
        });

        var text = new LocalizedText(Replace(template.Text.Ja, v => v.Ja), Replace(template.Text.En, v => v.En));
        return new FilledTemplate(template.Kind, text, [.. missing]);
    }

    private static LocalizedText? Same(string? value) => string.IsNullOrWhiteSpace(value) ? null : new LocalizedText(value, value);

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
