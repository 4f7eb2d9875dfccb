using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Incidents.Bench.Workloads;

/// <summary>
/// The HTTP benchmark's two requests, as a staff member's client sends them: report an impersonation (a new account
/// each time, so every report opens an incident), and a step command on a reported incident with the ETag its last
/// answer carried (report to officers, then request the takedown, then record the platform's answer; each completes
/// a runbook step). Reported incidents queue up for the step commands.
/// </summary>
public sealed class ResponderRequests(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private static readonly (string Path, byte[] Body)[] Steps =
    [
        ("report-to-officers", Encoding.UTF8.GetBytes("""{"recipients":["ciso","department-head","general-affairs"]}""")),
        ("request-takedown", Encoding.UTF8.GetBytes("""{"reference":"X 通報 #12345"}""")),
        ("record-platform-answer", Encoding.UTF8.GetBytes("""{"outcome":"removed"}""")),
    ];

    private readonly ConcurrentQueue<ReportedIncident> _ready = new();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _reports;

    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _reports);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
            {"kind":"impersonation","platform":"x","accountHandle":"@fake_{{_run}}_{{n}}","accountUrl":"https://x.com/fake_{{_run}}_{{n}}",
             "whatWasSeen":"町のロゴを使い、給付金の案内と称して個人情報の入力を求める投稿をしている"}
            """)));
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(new Uri("/api/incidents", UriKind.Relative), content, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Created, cancellationToken);
        _ready.Enqueue(new ReportedIncident(response.Headers.Location!.OriginalString, response.Headers.ETag!, 0));
    }

    public async Task StepAsync(CancellationToken cancellationToken)
    {
        if (!_ready.TryDequeue(out var incident))
        {
            throw new InvalidOperationException("No reported incident is left for a step command.");
        }

        var (path, body) = Steps[incident.StepsDone];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{incident.Location}/{path}", UriKind.Relative));
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        request.Headers.IfMatch.Add(incident.ETag);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
        if (incident.StepsDone + 1 < Steps.Length)
        {
            _ready.Enqueue(incident with { ETag = response.Headers.ETag!, StepsDone = incident.StepsDone + 1 });
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{(int)response.StatusCode} instead of {(int)expected}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    private sealed record ReportedIncident(string Location, EntityTagHeaderValue ETag, int StepsDone);
}
