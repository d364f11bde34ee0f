namespace Graph.Ingest.Tests.Demo;

/// <summary>Keeps every report, on the reporting thread (Progress&lt;T&gt; posts them later).</summary>
internal sealed class ListProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}
