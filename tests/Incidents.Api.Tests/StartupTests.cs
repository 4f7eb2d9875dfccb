using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Incidents.Api.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task A_node_starting_on_an_empty_database_logs_no_error()
    {
        await using var database = await TestDatabase.CreateAsync("startup");
        var errors = new ErrorCapture();
        await using var factory = new ApiFactory(database, services: s => s.AddLogging(logging => logging.AddProvider(errors)));

        _ = factory.Server;
        var ready = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Empty(errors.Entries);
    }

    /// <summary>Keeps every entry at error level or above, with its category, so a failure says what went wrong.</summary>
    private sealed class ErrorCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    capture.Entries.Enqueue($"{category}: {formatter(state, exception)} {exception?.Message}");
                }
            }
        }
    }
}
