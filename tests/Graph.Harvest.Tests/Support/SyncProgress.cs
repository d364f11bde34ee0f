namespace Graph.Harvest.Tests.Support;

/// <summary>A progress that runs its action at once, on the reporting thread, so a test can act at an exact point of a run.</summary>
internal sealed class SyncProgress<T>(Action<T> action) : IProgress<T>
{
    public void Report(T value) => action(value);
}
