using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Incidents.Testing;

/// <summary>A webhook receiver on a free loopback port that records every delivery and answers as the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly ConcurrentQueue<int> _answers = new();
    private volatile int _otherwise = StatusCodes.Status204NoContent;
    private volatile TaskCompletionSource? _held;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/hooks/incidents", (Delegate)receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address + "/hooks/incidents";
        return receiver;
    }

    /// <summary>
    /// From now on, deliveries are recorded when they arrive but not answered until <see cref="Release"/>, or until the
    /// sender gives up: a receiver that hangs, to keep a delivery in flight.
    /// </summary>
    public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref _held, null)?.TrySetResult();

    /// <summary>Every delivery not given a status by <see cref="AnswerNext"/> gets this one (204 unless told otherwise).</summary>
    public void AnswerOtherwise(int statusCode) => _otherwise = statusCode;

    /// <summary>The next deliveries get these status codes, in order; after them every delivery gets 204.</summary>
    public void AnswerNext(params int[] statusCodes)
    {
        foreach (var code in statusCodes)
        {
            _answers.Enqueue(code);
        }
    }

    public async Task<ReceivedWebhook> NextAsync(TimeSpan? bound = null)
    {
        using var timeout = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(30));
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No webhook delivery arrived.");
        }
    }

    /// <summary>Deliveries until one of <paramref name="type"/> arrives; returns that one.</summary>
    public async Task<ReceivedWebhook> NextOfTypeAsync(string type)
    {
        while (true)
        {
            var delivery = await NextAsync();
            if (delivery.Event["type"]?.GetValue<string>() == type)
            {
                return delivery;
            }
        }
    }

    public bool TryTake(out ReceivedWebhook? delivery) => _received.Reader.TryRead(out delivery);

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var status = _answers.TryDequeue(out var code) ? code : _otherwise;
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var held = _held;
        await _received.Writer.WriteAsync(new ReceivedWebhook(headers, buffer.ToArray(), held is null ? status : ReceivedWebhook.Held));
        if (held is not null)
        {
            try
            {
                await held.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }

        return Results.StatusCode(status);
    }
}

/// <summary>One delivery as it arrived; <paramref name="AnsweredWith"/> is <see cref="Held"/> when the receiver was holding answers.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith)
{
    public const int Held = 0;

    public JsonNode Event => JsonNode.Parse(Body)!;
}
