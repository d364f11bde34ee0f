namespace Graph.Bench.Peer;

/// <summary>What a timed run of one scenario against one side gave.</summary>
/// <param name="ServerCpuSeconds">CPU time the server's processes used in the timed window (for the peer, Node and PostgreSQL).</param>
/// <param name="GeneratorCpuSeconds">CPU time the load generator used in the timed window, on the same cores.</param>
/// <param name="Exhausted">A stream of distinct requests ran out before the time was over (the window is then shorter).</param>
internal sealed record LoadResult(int Requests, int Errors, double Seconds, double P50, double P99, double ServerCpuSeconds, double GeneratorCpuSeconds, bool Exhausted = false)
{
    public double Throughput => Requests / Seconds;

    /// <summary>The server's CPU time per request, in microseconds: its cost whatever else shares the cores.</summary>
    public double ServerCpuMicroseconds => 1e6 * ServerCpuSeconds / Requests;

    /// <summary>The load generator's CPU time per request, in microseconds.</summary>
    public double GeneratorCpuMicroseconds => 1e6 * GeneratorCpuSeconds / Requests;
}
