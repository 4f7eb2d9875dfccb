using Incidents.Domain.Incidents;
using Incidents.Domain.Text;

namespace Incidents.Domain.Runbooks;

/// <summary>
/// A starting text for a public statement. Placeholders in braces are filled from the incident:
/// {platform}, {reportedHandle}, {reportedUrl}, {officialHandle}, {officialUrl}, {homepageUrl}.
/// </summary>
public sealed record StatementTemplate(StatementKind Kind, LocalizedText Text);
