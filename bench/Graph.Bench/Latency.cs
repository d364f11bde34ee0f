using System.Diagnostics;

namespace Graph.Bench;

/// <summary>Runs an operation many times and reports percentiles of its latency.</summary>
internal static class Latency
{
    public static async Task<(double P50, double P99, double Mean)> MeasureAsync(int iterations, Func<int, Task> operation)
    {
        for (var i = 0; i < Math.Min(200, iterations); i++)
            await operation(i);
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[iterations / 2], samples[Math.Min(iterations - 1, (int)(iterations * 0.99))], samples.Average());
    }

    /// <summary>Runs <paramref name="warmUp"/> operations untimed, then times <paramref name="iterations"/> others: operation i is
    /// given index i, warm-up and timed indices never overlap, so a stream of distinct requests sends none twice.</summary>
    public static async Task<(double P50, double P99, double Mean)> MeasureDistinctAsync(int warmUp, int iterations, Func<int, Task> operation)
    {
        for (var i = 0; i < warmUp; i++)
            await operation(i);
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(warmUp + i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[iterations / 2], samples[Math.Min(iterations - 1, (int)(iterations * 0.99))], samples.Average());
    }

    public static string Format((double P50, double P99, double Mean) figures) =>
        $"p50 {figures.P50:F3} ms, p99 {figures.P99:F3} ms, mean {figures.Mean:F3} ms";
}
