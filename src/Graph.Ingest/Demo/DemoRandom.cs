namespace Graph.Ingest.Demo;

/// <summary>Draws from the distributions the demo catalogue needs, and derives seeds that do not depend on process or platform.</summary>
internal static class DemoRandom
{
    /// <summary>Mixes values into a well-spread 64-bit number (SplitMix64 finaliser).</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>Mixes two values, order-sensitive.</summary>
    public static ulong Mix(ulong a, ulong b) => Mix(Mix(a) ^ b);

    /// <summary>Creates the random source of one subject (a patient, a site) from the catalogue seed and its identity.</summary>
    public static Random For(int seed, int stream, int index) =>
        new((int)(Mix(Mix((ulong)(uint)seed, (ulong)(uint)stream), (ulong)(uint)index) & 0x7FFFFFFF));

    /// <summary>Returns true with the given probability.</summary>
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>Picks one item uniformly.</summary>
    public static T Pick<T>(this Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>Picks an index by weight.</summary>
    public static int PickWeighted(this Random random, double[] weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
            total += weights[i];
        var draw = random.NextDouble() * total;
        for (var i = 0; i < weights.Length - 1; i++)
        {
            draw -= weights[i];
            if (draw < 0)
                return i;
        }

        return weights.Length - 1;
    }

    /// <summary>Draws a whole number from a normal distribution, kept within bounds.</summary>
    public static int NormalInt(this Random random, double mean, double deviation, int min, int max) =>
        Math.Clamp((int)Math.Round(mean + (deviation * random.Normal())), min, max);

    /// <summary>Draws a whole number uniformly between two bounds, both included.</summary>
    public static int Between(this Random random, int min, int max) => random.Next(min, max + 1);

    /// <summary>Draws a number uniformly between two bounds, rounded to some decimals.</summary>
    public static double Between(this Random random, double min, double max, int decimals) =>
        Math.Round(min + (random.NextDouble() * (max - min)), decimals);

    private static double Normal(this Random random)
    {
        // Irwin-Hall: only additions, so every platform draws the same numbers (Math.Log and Math.Cos may differ in the last bit).
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
            sum += random.NextDouble();
        return sum - 6.0;
    }
}
