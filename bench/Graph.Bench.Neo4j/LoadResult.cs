namespace Graph.Bench.Neo4j;

/// <summary>What loading the catalogue into one store took.</summary>
internal sealed record LoadResult(string Store, long Rows, long Changed, int Sets, TimeSpan Load, long ReadRows, TimeSpan Read)
{
    public double RowsPerSecond => Rows / Load.TotalSeconds;

    public double ReadRowsPerSecond => ReadRows / Read.TotalSeconds;
}
