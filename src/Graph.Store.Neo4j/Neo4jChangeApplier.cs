namespace Graph.Store.Neo4j;

/// <summary>Applies one planned ChangeSet in one explicit transaction: sequence first, then the batches, then commit or rollback.</summary>
/// <remarks>
/// The first statement increments the counter node, which write-locks it until the transaction ends: writers on
/// every replica queue there, so sequence order is commit order and a follower that has seen sequence N has seen
/// every change up to N. A set that changed nothing is rolled back, so the sequence is not bumped. A set whose id a
/// committed change carries (its reply was lost, and this is the writer's retry) is rolled back too and reported as
/// that change.
/// </remarks>
internal static class Neo4jChangeApplier
{
    /// <summary>Runs the plan once; throws GraphStoreException (transient or not) with the transaction rolled back.</summary>
    public static async Task<CommitResult> ApplyAsync(QueryApiClient client, ChangeSetPlan plan, ChangeSet changes, CancellationToken cancellationToken)
    {
        var transaction = await client.BeginAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var allocation = await transaction.RunAsync(
                Neo4jStatements.AllocateSequence,
                new Dictionary<string, object?> { ["source"] = changes.Source, ["id"] = changes.Id },
                cancellationToken).ConfigureAwait(false);
            if (allocation.Rows.Count > 0 && allocation.Rows[0][allocation.Column("doneSeq")] is not null)
            {
                await transaction.RollbackAsync().ConfigureAwait(false);
                return new CommitResult(allocation.Long("doneSeq"), checked((int)allocation.Long("doneNodes")), checked((int)allocation.Long("doneEdges"))) { Replayed = true };
            }

            var sequence = allocation.Long("seq");
            var nodes = 0L;
            var edges = 0L;
            foreach (var step in plan.Steps)
            {
                var result = await transaction.RunAsync(step.Statement, step.Parameters(sequence), cancellationToken).ConfigureAwait(false);
                var changed = result.Long("changed");
                switch (step.Kind)
                {
                    case PlanStepKind.UpsertNodes or PlanStepKind.DeleteNodes:
                        nodes += changed;
                        break;
                    case PlanStepKind.UpsertEdges:
                        if (result.Long("rows") < step.Rows.Count)
                            throw await MissingEndAsync(transaction, step, sequence, changes, cancellationToken).ConfigureAwait(false);
                        edges += changed;
                        break;
                    default:
                        edges += changed;
                        break;
                }
            }

            if (nodes + edges == 0)
            {
                await transaction.RollbackAsync().ConfigureAwait(false);
                return new CommitResult(sequence - 1, 0, 0);
            }

            await transaction.RunAsync(
                Neo4jStatements.RecordChange,
                new Dictionary<string, object?> { ["id"] = changes.Id, ["seq"] = sequence, ["source"] = changes.Source, ["nodes"] = nodes, ["edges"] = edges },
                cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new CommitResult(sequence, checked((int)nodes), checked((int)edges));
        }
    }

    private static async Task<GraphStoreException> MissingEndAsync(
        QueryApiTransaction transaction, PlanStep step, long sequence, ChangeSet changes, CancellationToken cancellationToken)
    {
        var found = await transaction.RunAsync(step.Edges!.FindMissingEnd, step.Parameters(sequence), cancellationToken).ConfigureAwait(false);
        if (found.Rows.Count == 0)
            return new GraphStoreException($"{step.Statement.Name}: a relationship's start or end node does not exist.");
        var row = found.Rows[0];
        var edge = changes.Edges[(int)QueryResult.AsLong(row[found.Column("i")])];
        var startAlive = row[found.Column("fromAlive")] is true;
        return startAlive
            ? new GraphStoreException($"Relationship {edge}: its end node {edge.To} does not exist.")
            : new GraphStoreException($"Relationship {edge}: its start node {edge.From} does not exist.");
    }
}
