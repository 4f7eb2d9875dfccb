namespace Incidents.Api.Http;

/// <summary>A request the service will not carry out, with what the client should do about it. Becomes RFC 9457 problem JSON.</summary>
public sealed class ProblemException(
    int status, string code, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;
}
