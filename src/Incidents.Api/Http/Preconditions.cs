using System.Globalization;
using Incidents.Api.Pipeline;

namespace Incidents.Api.Http;

/// <summary>ETags are the incident stream's version; commands must say, with If-Match, which version they were decided on.</summary>
public static class Preconditions
{
    public static string ETagFor(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version the client expects, or null for <c>If-Match: *</c> (whatever the current version is).</summary>
    public static ExpectedIncidentVersion ReadIfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            throw new ProblemException(
                StatusCodes.Status428PreconditionRequired, "if-match-required", "If-Match is required",
                "Send the incident's current ETag in If-Match (GET the incident to read it), or 'If-Match: *' to apply whatever its version.");
        }

        var value = values.Count == 1 ? values[0]!.Trim() : "";
        if (value == "*")
        {
            return ExpectedIncidentVersion.Any;
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            return ExpectedIncidentVersion.Never;
        }

        if (value.Length >= 3 && value[0] == '"' && value[^1] == '"' &&
            long.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return new ExpectedIncidentVersion(version);
        }

        throw Problems.BadRequest("if-match-malformed", "If-Match must be one ETag as returned by GET (for example \"3\"), or *.");
    }
}
