using Incidents.Domain.Access;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Text;

namespace Incidents.Domain.Notifications;

/// <summary>
/// Someone must be told about <paramref name="Cause"/>: everyone acting in one of <paramref name="Roles"/>, and the people
/// named in <paramref name="People"/> (assignees, as the incident records them). <paramref name="Summary"/> is the line a
/// person reads first, for example an e-mail's subject.
/// </summary>
public sealed record Notification(
    string Type,
    IIncidentEvent Cause,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<string> People,
    LocalizedText Summary);
