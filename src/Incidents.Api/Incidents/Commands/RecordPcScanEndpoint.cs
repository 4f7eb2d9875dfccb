using Incidents.Api.Http;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class RecordPcScanEndpoint
{
    public sealed record Body(string DeviceName, ScanResult Result, string? Findings = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Text(DeviceName, "deviceName", Limits.Name)
            .Text(Findings, "findings", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/record-pc-scan", (body, _) => new RecordPcScan(body.DeviceName.Trim(), body.Result, body.Findings))
            .WithSummary("Record the result of a full virus scan of the PC; an infected result opens a follow-up step.");
}
