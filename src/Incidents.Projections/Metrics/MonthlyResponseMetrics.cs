namespace Incidents.Projections.Metrics;

/// <summary>Response times of the incidents of one kind reported in one month (Asia/Tokyo), measured from the report.</summary>
public sealed record MonthlyResponseMetrics(
    string Kind,
    DateOnly Month,
    long Incidents,
    ResponseStatistic ToCisoReport,
    ResponseStatistic ToTakedownRequest,
    ResponseStatistic ToFirstStatement,
    ResponseStatistic ToClose);
