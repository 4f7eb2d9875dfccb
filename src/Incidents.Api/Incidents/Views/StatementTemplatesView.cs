using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Incidents.Views;

/// <summary>The incident's statement templates, filled; and what they were filled from.</summary>
public sealed record StatementTemplatesView(GenuineAccount? GenuineAccount, string HomepageUrl, IReadOnlyList<FilledTemplate> Items);
