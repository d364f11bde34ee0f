using Graph.Store;

namespace Graph.Testing;

/// <summary>A commit listener that records the sequence of every commit it is told of, in order.</summary>
public sealed class RecordingCommitListener : ICommitListener
{
    /// <summary>The sequences told, in order.</summary>
    public List<long> Sequences { get; } = [];

    /// <inheritdoc />
    public Task OnCommittedAsync(CommitResult result, CancellationToken cancellationToken)
    {
        Sequences.Add(result.Sequence);
        return Task.CompletedTask;
    }
}
