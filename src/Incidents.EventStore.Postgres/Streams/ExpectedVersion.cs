namespace Incidents.EventStore.Postgres.Streams;

/// <summary>The version a writer believes a stream is at. Stream versions count events from 1; 0 means no stream yet.</summary>
public readonly record struct ExpectedVersion(long Value)
{
    public static ExpectedVersion NoStream { get; } = new(0);

    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is never negative.");

    public override string ToString() => Value == 0 ? "no stream" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
