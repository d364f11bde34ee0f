using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>Keeps every log message, formatted, with its structured values, from any thread.</summary>
internal sealed class CollectingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    /// <summary>Everything logged, as one text.</summary>
    public string Text => string.Join('\n', _messages);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        _messages.Enqueue($"{logLevel}: {formatter(state, exception)} [{values}] {exception}");
    }
}
