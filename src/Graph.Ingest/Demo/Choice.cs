namespace Graph.Ingest.Demo;

/// <summary>A fixed set of values with their relative frequencies, drawn from in constant memory.</summary>
internal sealed class Choice<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    /// <summary>Creates the choice from value and weight pairs.</summary>
    public Choice(params (T Value, double Weight)[] entries)
    {
        _values = new T[entries.Length];
        _cumulative = new double[entries.Length];
        var total = 0.0;
        for (var i = 0; i < entries.Length; i++)
            total += entries[i].Weight;
        var running = 0.0;
        for (var i = 0; i < entries.Length; i++)
        {
            _values[i] = entries[i].Value;
            running += entries[i].Weight;
            _cumulative[i] = running / total;
        }
    }

    /// <summary>Draws a value.</summary>
    public T Draw(Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < _cumulative.Length - 1; i++)
        {
            if (u < _cumulative[i])
                return _values[i];
        }

        return _values[^1];
    }
}
