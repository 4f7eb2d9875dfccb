using System.Text;
using System.Text.Json;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Streams;

namespace Incidents.Bench.Workloads;

/// <summary>
/// The event every append benchmark writes, a drafted public warning as a command appends it, with its metadata; the
/// raw baselines store exactly these serialized bytes.
/// </summary>
public sealed class SamplePayload
{
    public SamplePayload(EventSerializer serializer)
    {
        var incident = Guid.CreateVersion7();
        Event = new StatementDrafted(
            incident, Guid.CreateVersion7(), StatementKind.Warning, [StatementChannel.Homepage, StatementChannel.OfficialAccount],
            "【注意】町の公式アカウントを装った偽アカウントが確認されました。町からのお知らせは公式アカウントとホームページでのみ行います。",
            "https://www.town.example.jp/news/1", null, "staff-1", DateTimeOffset.UtcNow);
        var serialized = serializer.Serialize(Event);
        Type = serialized.Type;
        SchemaVersion = serialized.SchemaVersion;
        Json = serialized.Json;
        Metadata = new EventMetadata(Guid.CreateVersion7().ToString("D"), "staff", Guid.CreateVersion7().ToString("D"), Guid.CreateVersion7().ToString("D"));
        MetadataJson = JsonSerializer.Serialize(Metadata, WireJson.Options);
    }

    public StatementDrafted Event { get; }

    public string Type { get; }

    public int SchemaVersion { get; }

    public string Json { get; }

    public EventMetadata Metadata { get; }

    public string MetadataJson { get; }

    public int Bytes => Encoding.UTF8.GetByteCount(Json) + Encoding.UTF8.GetByteCount(MetadataJson);

    public static string NewStreamId() => new IncidentId(Guid.CreateVersion7()).StreamId;
}
