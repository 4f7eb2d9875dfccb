using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Incidents.Api.Tests.Support;

/// <summary>
/// Keeps everything the service logs, at every level: category, message, the state's values, the exception and every
/// scope's values, as text, so a test can look for what must never be in a log.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void Append(StringBuilder text, object? value)
    {
        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, item) in pairs)
            {
                text.Append(' ').Append(key).Append('=').Append(item);
            }
        }

        text.Append(' ').Append(value);
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            Append(text, state);
            text.Append(' ').Append(exception);
            capture._scopes.ForEachScope((scope, builder) => Append(builder, scope), text);
            capture._entries.Enqueue(text.ToString());
        }
    }
}
