using System.Net;
using System.Text;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

/// <summary>Everything a client can get wrong answers with a clear problem, never a 500, and writes nothing.</summary>
public sealed class BadInputTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string ValidReport =
        """{"kind":"impersonation","platform":"x","accountHandle":"@fake","whatWasSeen":"偽アカウント"}""";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Cases => new(BadRequests.Keys);

    private static readonly Dictionary<string, (Func<string, string, HttpRequestMessage> Request, HttpStatusCode Status)> BadRequests = new()
    {
        ["malformed JSON"] = (Report("""{"kind": "impersonation", """), HttpStatusCode.BadRequest),
        ["a JSON array"] = (Report("[]"), HttpStatusCode.BadRequest),
        ["an empty body"] = (Report(""), HttpStatusCode.BadRequest),
        ["JSON nested 100 deep"] = (Report(new string('[', 100) + new string(']', 100)), HttpStatusCode.BadRequest),
        ["an unknown kind"] = (Report(ValidReport.Replace("impersonation", "alien-invasion")), HttpStatusCode.UnprocessableEntity),
        ["a kind given as a number"] = (Report(ValidReport.Replace("\"impersonation\"", "0")), HttpStatusCode.UnprocessableEntity),
        ["a missing required field"] = (Report("""{"kind":"impersonation","platform":"x","accountHandle":"@fake"}"""), HttpStatusCode.UnprocessableEntity),
        ["null for a required field"] = (Report(ValidReport.Replace("\"@fake\"", "null")), HttpStatusCode.UnprocessableEntity),
        ["a number where text belongs"] = (Report(ValidReport.Replace("\"@fake\"", "42")), HttpStatusCode.UnprocessableEntity),
        ["an over-long text"] = (Report(ValidReport.Replace("偽アカウント", new string('あ', 5000))), HttpStatusCode.UnprocessableEntity),
        ["a javascript: evidence URL"] = (Report(ValidReport.TrimEnd('}') + ""","evidenceUrls":["javascript:alert(1)"]}"""), HttpStatusCode.UnprocessableEntity),
        ["a NUL character"] = (Report(ValidReport.Replace("偽アカウント", "a\\u0000b")), HttpStatusCode.UnprocessableEntity),
        ["an unpaired surrogate"] = (Report(ValidReport.Replace("偽アカウント", "a\\ud800b")), HttpStatusCode.UnprocessableEntity),
        ["a password field"] = (Report(ValidReport.TrimEnd('}') + ""","password":"hunter2"}"""), HttpStatusCode.UnprocessableEntity),
        ["a nested api key"] = (Report(ValidReport.TrimEnd('}') + ""","extra":{"api_key":"abc"}}"""), HttpStatusCode.UnprocessableEntity),
        ["a password inside free text"] = (Report(ValidReport.Replace("偽アカウント", "password: hunter2")), HttpStatusCode.UnprocessableEntity),
        ["a discovery time in the future"] = (Report(ValidReport.TrimEnd('}') + ""","discoveredAt":"2099-01-01T00:00:00Z"}"""), HttpStatusCode.UnprocessableEntity),
        ["a body over 64 KiB"] = (Report(ValidReport.Replace("偽アカウント", new string('a', 100_000))), HttpStatusCode.RequestEntityTooLarge),
        ["text/plain instead of JSON"] = ((_, _) => Post("/api/incidents", ValidReport, "text/plain"), HttpStatusCode.UnsupportedMediaType),
        ["an unknown incident id"] = ((_, _) => Post($"/api/incidents/{Guid.NewGuid()}/acknowledge", null, ifMatch: "\"1\""), HttpStatusCode.NotFound),
        ["a malformed incident id"] = ((_, _) => Post("/api/incidents/..%2F..%2Fetc/acknowledge", null, ifMatch: "\"1\""), HttpStatusCode.NotFound),
        ["a malformed If-Match"] = ((id, _) => Post($"/api/incidents/{id}/acknowledge", null, ifMatch: "version five"), HttpStatusCode.BadRequest),
        ["no If-Match"] = ((id, _) => Post($"/api/incidents/{id}/acknowledge", null), (HttpStatusCode)428),
        ["a malformed Idempotency-Key"] = ((_, _) => Post("/api/incidents", ValidReport, idempotencyKey: "has spaces in it"), HttpStatusCode.BadRequest),
        ["an unknown step"] = ((id, etag) => Post($"/api/incidents/{id}/steps/no-such-step/waive", """{"reason":"x"}""", ifMatch: etag), HttpStatusCode.NotFound),
        ["a step key with path characters"] = ((id, etag) => Post($"/api/incidents/{id}/steps/..%2Fx/waive", """{"reason":"x"}""", ifMatch: etag), HttpStatusCode.NotFound),
        ["an unknown statement"] = ((id, etag) => Post($"/api/incidents/{id}/statements/{Guid.NewGuid()}/approve", null, ifMatch: etag), HttpStatusCode.NotFound),
        ["an unknown recipient"] = ((id, etag) => Post($"/api/incidents/{id}/report-to-officers", """{"recipients":["mayor"]}""", ifMatch: etag), HttpStatusCode.UnprocessableEntity),
        ["no recipients"] = ((id, etag) => Post($"/api/incidents/{id}/report-to-officers", """{"recipients":[]}""", ifMatch: etag), HttpStatusCode.UnprocessableEntity),
        ["a password rotation carrying the password"] = ((id, etag) => Post($"/api/incidents/{id}/record-password-rotation", """{"newPassword":"s3cret!"}""", ifMatch: etag), HttpStatusCode.UnprocessableEntity),
        ["an unknown list filter value"] = ((_, _) => new HttpRequestMessage(HttpMethod.Get, "/api/incidents?kind=nope"), HttpStatusCode.BadRequest),
        ["a page size over the cap"] = ((_, _) => new HttpRequestMessage(HttpMethod.Get, "/api/incidents?pageSize=1000"), HttpStatusCode.BadRequest),
        ["an unknown route"] = ((_, _) => new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here"), HttpStatusCode.NotFound),
        ["a wrong method"] = ((_, _) => new HttpRequestMessage(HttpMethod.Delete, "/api/incidents"), HttpStatusCode.MethodNotAllowed),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_answers_a_problem_and_writes_nothing(string @case)
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff, Role.DepartmentHead);
        var (id, etag) = await staff.ReportAsync();
        var before = await RowCounts.TakeAsync(fixture.Database);
        var (request, status) = BadRequests[@case];

        var response = await staff.SendAsync(request(id, etag));

        await response.AssertProblemAsync(status);
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    private static Func<string, string, HttpRequestMessage> Report(string body) => (_, _) => Post("/api/incidents", body);

    private static HttpRequestMessage Post(
        string path, string? body, string contentType = "application/json", string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new(contentType) { CharSet = "utf-8" };
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
