using System.Collections.Concurrent;

namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>Keeps every progress report, from any thread, as it is made.</summary>
internal sealed class CollectingProgress<T> : IProgress<T>
{
    private readonly ConcurrentQueue<T> _reports = new();

    public IReadOnlyCollection<T> Reports => _reports;

    public void Report(T value) => _reports.Enqueue(value);
}
