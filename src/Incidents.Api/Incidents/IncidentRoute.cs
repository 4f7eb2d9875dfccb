using System.Diagnostics;
using Incidents.Api.Http;
using Incidents.Domain.Incidents;

namespace Incidents.Api.Incidents;

/// <summary>Parsing of the route and request values every incident endpoint shares.</summary>
public static class IncidentRoute
{
    public static IncidentId ParseId(string id) =>
        Guid.TryParseExact(id, "D", out var guid)
            ? new IncidentId(guid)
            : throw Problems.NotFound("incident-not-found", "No incident has this id; ids look like 0190f4f6-1c2e-7d3a-9b4e-2f1a3c5d7e9f.");

    public static string ParseStepKey(string stepKey) =>
        stepKey.Length is > 0 and <= 64 && stepKey.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            ? stepKey
            : throw Problems.NotFound("step-not-found", "No step has this key; GET the incident to see its steps.");

    public static Guid ParseStatementId(string statementId) =>
        Guid.TryParseExact(statementId, "D", out var guid)
            ? guid
            : throw Problems.NotFound("statement-not-found", "No statement has this id; GET the incident to see its statements.");

    /// <summary>The caller's X-Correlation-Id if it is sane, else the trace id, so one request's effects can be found together.</summary>
    public static string CorrelationId(HttpContext http)
    {
        var header = http.Request.Headers["X-Correlation-Id"].ToString();
        if (header.Length is > 0 and <= 100 && header.All(c => c is > ' ' and <= '~'))
        {
            return header;
        }

        return Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
    }
}
