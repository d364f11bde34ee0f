namespace Graph.Bench.Peer;

/// <summary>What a timed run of one scenario against one side gave.</summary>
/// <param name="Exhausted">A stream of distinct requests ran out before the time was over (the window is then shorter).</param>
internal sealed record LoadResult(int Requests, int Errors, double Seconds, double P50, double P99, bool Exhausted = false)
{
    public double Throughput => Requests / Seconds;
}
