using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Incidents.Api.Pipeline;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Browser.Tests;

/// <summary>Records what happens through the API, as the other people and programs around the dashboard would.</summary>
public static class Api
{
    public static async Task<string> ReportAsync(this HttpClient client, string kind, string platform, string handle)
    {
        var response = await client.PostAsJsonAsync("/api/incidents", new
        {
            kind, platform, accountHandle = handle, accountUrl = $"https://example.com/{handle.TrimStart('@')}",
            whatWasSeen = "町の公式アカウントを装った投稿が確認された", department = "しろいの魅力発信課",
        });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return json["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> CommandAsync(this HttpClient client, string id, string command, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/{command}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.TryAddWithoutValidation("If-Match", "*");
        var response = await client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, $"{command}: {json.ToJsonString()}");
        return json;
    }

    public static async Task<JsonNode> IncidentAsync(this HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/incidents/{id}"))!;

    /// <summary>What a deadline timer does when a step runs late: the escalation command, through the pipeline.</summary>
    public static async Task EscalateAsync(ApiFactory node, string id, string stepKey, int escalation)
    {
        var outcome = await node.Services.GetRequiredService<CommandPipeline>().ExecuteAsync(new CommandRequest(
            new IncidentId(Guid.Parse(id)), new EscalateOverdueStep(stepKey, 1, escalation), new Actor("automation", Role.Automation),
            ExpectedIncidentVersion.Any, "browser-test", Guid.NewGuid().ToString("D")), CancellationToken.None);
        Assert.IsType<CommandOutcome.Applied>(outcome);
    }
}
