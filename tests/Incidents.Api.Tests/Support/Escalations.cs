using Incidents.Testing;

namespace Incidents.Api.Tests.Support;

/// <summary>Facts about deadline timers and escalations, read straight from the events and timers tables.</summary>
public static class Escalations
{
    public static Task<long> CountAsync(TestDatabase database, string incidentId, string stepKey) =>
        database.ScalarAsync<long>(
            "select count(*) from events where stream_id = $1 and type = 'step-escalated' and data->>'stepKey' = $2",
            "incident-" + incidentId, stepKey);

    /// <summary>Waits until the incident's step has escalated <paramref name="count"/> times, and returns the count.</summary>
    public static Task<long> AwaitAsync(TestDatabase database, string incidentId, string stepKey, long count, Action? nudge = null) =>
        Eventually.ReadAsync(
            () => CountAsync(database, incidentId, stepKey), n => n >= count, $"escalation {count} of {stepKey}", nudge);

    /// <summary>Waits until no timer is due any more at <paramref name="now"/>: the workers have caught up.</summary>
    public static Task AwaitNoneDueAsync(TestDatabase database, DateTimeOffset now, Action? nudge = null) =>
        Eventually.ReadAsync(
            () => database.ScalarAsync<long>("select count(*) from timers where due_at <= $1", now), n => n == 0, "no due timers", nudge);

    /// <summary>How many (stream, step, generation, escalation) were appended more than once: a duplicate is a defect.</summary>
    public static Task<long> DuplicatesAsync(TestDatabase database) =>
        database.ScalarAsync<long>("""
            select count(*) from (
                select 1 from events where type = 'step-escalated'
                 group by stream_id, data->>'stepKey', data->>'generation', data->>'escalation'
                having count(*) > 1) as duplicated
            """);
}
