using Incidents.Domain.Incidents.Events;

namespace Incidents.Api.Incidents.Reading;

/// <summary>
/// Reporters' contact details are personal data: events that carry them show them only to the officers who follow
/// up with reporters (<see cref="Views.IncidentViews.ContactReaders"/>).
/// </summary>
public static class TimelinePersonalData
{
    public static object Without(object data) => data switch
    {
        IncidentReported reported => reported with { ReporterContact = null },
        AdditionalReportReceived report => report with { ReporterContact = null },
        IncidentMerged merged => merged with { Reports = [.. merged.Reports.Select(r => r with { ReporterContact = null })] },
        _ => data,
    };
}
