namespace Graph.Store;

/// <summary>Told by the writer after each commit that changed the graph (the catalogue index listens).</summary>
public interface ICommitListener
{
    /// <summary>Called after a commit, before the writer returns.</summary>
    Task OnCommittedAsync(CommitResult result, CancellationToken cancellationToken);
}
