using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Streams;

namespace Incidents.Projections.Tests;

/// <summary>Writes incident streams straight to the store: reported, reported to officers, takedown requested.</summary>
public static class IncidentHistories
{
    public static async Task<int> AppendAsync(PostgresEventStore store, int incidents, DateTimeOffset at)
    {
        var appended = 0;
        for (var i = 0; i < incidents; i++)
        {
            var id = Guid.CreateVersion7();
            var stream = new IncidentId(id).StreamId;
            var metadata = new EventMetadata("user-1", "staff", $"correlation-{i}", Guid.NewGuid().ToString("D"));
            IReadOnlyList<object> reported =
            [
                new IncidentReported(id, IncidentKind.Impersonation, Platform.X, $"@fake{i}", null, "偽アカウント", [], null, null, null, "user-1", at),
                new StepOpened(id, "report-to-officers", 1, at.AddHours(1), "user-1", at),
                new StepOpened(id, "request-takedown", 1, at.AddHours(4), "user-1", at),
            ];
            IReadOnlyList<object> told =
            [
                new OfficersReported(id, [Officer.Ciso], null, "user-1", at.AddMinutes(10)),
                new StepCompleted(id, "report-to-officers", 1, null, "user-1", at.AddMinutes(10)),
            ];
            IReadOnlyList<object> takedown =
            [
                new StepEscalated(id, "request-takedown", 1, 1, 1, Role.Staff, false, at.AddHours(4), "automation", at.AddHours(4)),
                new TakedownRequested(id, Platform.X, "https://x.com/fake", null, "user-1", at.AddHours(5)),
                new StepCompleted(id, "request-takedown", 1, null, "user-1", at.AddHours(5)),
            ];
            await store.AppendAsync(stream, ExpectedVersion.NoStream, reported, metadata, default);
            await store.AppendAsync(stream, ExpectedVersion.Exactly(3), told, metadata, default);
            await store.AppendAsync(stream, ExpectedVersion.Exactly(5), takedown, metadata, default);
            appended += reported.Count + told.Count + takedown.Count;
        }

        return appended;
    }
}
