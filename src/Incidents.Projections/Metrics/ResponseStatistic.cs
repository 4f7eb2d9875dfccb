namespace Incidents.Projections.Metrics;

/// <summary>One measured interval over a group of incidents: how many reached it, the median and the 90th percentile.</summary>
public sealed record ResponseStatistic(long Count, TimeSpan? Median, TimeSpan? P90);
