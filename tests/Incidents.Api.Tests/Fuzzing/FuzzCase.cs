namespace Incidents.Api.Tests.Fuzzing;

/// <summary>Whether the service must refuse a case, or may accept it (a valid shape, perhaps with hostile content).</summary>
public enum Expectation
{
    Refused,
    Either,
}

/// <summary>
/// One generated request. Route values and bodies may hold «user», «token» and «duplicate», which the world fills
/// when the case is sent. <see cref="Probe"/>: text that, if the request is accepted, must be stored exactly as sent.
/// <see cref="Secret"/>: a value sent in a secret-named field, which must never be stored.
/// </summary>
public sealed record FuzzCase(
    int Index,
    string Route,
    string Mutation,
    Expectation Expect,
    string Path,
    string? Body,
    byte[]? RawBody = null,
    string? ContentType = "application/json",
    bool Chunked = false,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    string? Authorization = null,
    string? Probe = null,
    string? Secret = null)
{
    public string CorrelationId => $"fuzz-{Index}";

    public override string ToString() =>
        $"#{Index} {Mutation} POST {Cut(Path, 120)} [{string.Join("; ", (Headers ?? []).Select(h => $"{h.Key}: {Cut(h.Value, 40)}"))}] " +
        $"{ContentType} {(RawBody is null ? Cut(Body ?? "", 160) : $"{RawBody.Length} raw bytes")}";

    private static string Cut(string text, int length) => System.Text.Json.JsonSerializer.Serialize(text.Length <= length ? text : text[..length] + "…");
}
