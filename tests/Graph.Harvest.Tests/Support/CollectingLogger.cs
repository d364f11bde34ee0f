using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Graph.Harvest.Tests.Support;

/// <summary>A logger that keeps every formatted message, to check what a run logs.</summary>
internal sealed class CollectingLogger : ILogger
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}
