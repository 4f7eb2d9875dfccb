using Incidents.Domain.Incidents;
using Incidents.Domain.Text;

namespace Incidents.Domain.Runbooks;

/// <summary>A statement template with the incident's values filled in; <paramref name="Missing"/> names placeholders left unfilled.</summary>
public sealed record FilledTemplate(StatementKind Kind, LocalizedText Text, IReadOnlyList<string> Missing);
