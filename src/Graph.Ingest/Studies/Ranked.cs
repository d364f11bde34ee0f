namespace Graph.Ingest.Studies;

/// <summary>The value of the first-ranked instance that has one, so the result does not depend on the order files are read in.</summary>
internal sealed class Ranked<T>
{
    private bool _hasValue;
    private InstanceRank _rank;

    /// <summary>The value of the first-ranked instance that had one, or default.</summary>
    public T? Value { get; private set; }

    /// <summary>Offers an instance's value (null is no value); returns true when it differs from a value offered before.</summary>
    public bool Offer(T? value, InstanceRank rank)
    {
        if (value is null)
            return false;
        if (!_hasValue)
        {
            (Value, _rank, _hasValue) = (value, rank, true);
            return false;
        }

        var differs = !EqualityComparer<T>.Default.Equals(Value, value);
        if (rank.CompareTo(_rank) < 0)
            (Value, _rank) = (value, rank);
        return differs;
    }

    /// <summary>Offers the value another instance of this type holds, with its rank; returns true when it differs from this one's.</summary>
    public bool Merge(Ranked<T> other) => other._hasValue && Offer(other.Value, other._rank);
}
