namespace Graph.Bench.Peer;

/// <summary>What a timed run of one scenario against one side gave.</summary>
internal sealed record LoadResult(int Requests, int Errors, double Seconds, double P50, double P99)
{
    public double Throughput => Requests / Seconds;
}
