namespace Graph.Store.Neo4j;

/// <summary>One statement of a ChangeSet plan with its batch of rows (the sequence number is added when it runs).</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Statement">The statement to run.</param>
/// <param name="ParameterName">The parameter that carries the rows ("rows" or "keys").</param>
/// <param name="Rows">The batch.</param>
/// <param name="Edges">For relationship upserts, the statements of the kind, to name a missing end node.</param>
internal sealed record PlanStep(PlanStepKind Kind, CypherStatement Statement, string ParameterName, IReadOnlyList<object?> Rows, EdgeStatements? Edges = null)
{
    /// <summary>The statement's parameters for a sequence number.</summary>
    public Dictionary<string, object?> Parameters(long sequence) => new(StringComparer.Ordinal)
    {
        [ParameterName] = Rows,
        ["seq"] = sequence,
    };
}
