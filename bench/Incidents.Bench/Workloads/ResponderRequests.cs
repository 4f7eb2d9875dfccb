using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Incidents.Bench.Workloads;

/// <summary>
/// The HTTP benchmark's two requests, as a department head's client sends them: report an impersonation (a new account
/// each time, so every report opens an incident), and a step command on a reported incident with the ETag its last
/// answer carried: assign the public-warning step, to one person and then the other, so that every command appends
/// and any incident can take any number of them. Reported incidents queue up for the step commands and go back to the
/// queue after each.
/// </summary>
public sealed class ResponderRequests(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public const string StepCommand = "steps/publish-warning/assign";

    private static readonly byte[][] Assignees =
    [
        Encoding.UTF8.GetBytes("""{"assignee":"佐藤"}"""),
        Encoding.UTF8.GetBytes("""{"assignee":"田中"}"""),
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

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{incident.Location}/{StepCommand}", UriKind.Relative));
        request.Content = new ByteArrayContent(Assignees[incident.Commands % Assignees.Length]) { Headers = { ContentType = Json } };
        request.Headers.IfMatch.Add(incident.ETag);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.OK, cancellationToken);
        _ready.Enqueue(incident with { ETag = response.Headers.ETag!, Commands = incident.Commands + 1 });
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{(int)response.StatusCode} instead of {(int)expected}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    private sealed record ReportedIncident(string Location, EntityTagHeaderValue ETag, int Commands);
}
