namespace Incidents.Api.Pipeline;

/// <summary>What If-Match asked for: a version, any version (*), or nothing that can match (a weak tag).</summary>
public readonly record struct ExpectedIncidentVersion(long? Version)
{
    public static ExpectedIncidentVersion Any { get; } = new(null);

    public static ExpectedIncidentVersion Never { get; } = new(-1);

    public bool Matches(long current) => Version is null || Version == current;
}
