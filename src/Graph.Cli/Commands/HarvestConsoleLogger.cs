using Microsoft.Extensions.Logging;

namespace Graph.Cli.Commands;

/// <summary>Writes the harvester's warnings and errors to the command's error output, one line each.</summary>
internal sealed class HarvestConsoleLogger(TextWriter error, bool quiet) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => !quiet && logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
            error.WriteLine($"graph harvest: {(logLevel >= LogLevel.Error ? "error" : "warning")}: {formatter(state, exception)}");
    }
}
