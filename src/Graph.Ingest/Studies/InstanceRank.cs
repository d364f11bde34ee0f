using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Studies;

/// <summary>Orders instances the same way whatever order they are read in: by Instance Number, then SOP Instance UID
/// digest, then (for copies of one instance) relative path.</summary>
internal readonly record struct InstanceRank(int InstanceNumber, UInt128 Key, string Path) : IComparable<InstanceRank>
{
    /// <summary>The rank of an instance read from a file; one without an Instance Number comes after those with one.</summary>
    public static InstanceRank Of(DeidentifiedInstance instance, string path) => new(instance.InstanceNumber ?? int.MaxValue, instance.InstanceKey, path);

    /// <inheritdoc />
    public int CompareTo(InstanceRank other)
    {
        if (InstanceNumber != other.InstanceNumber)
            return InstanceNumber.CompareTo(other.InstanceNumber);
        return Key != other.Key ? Key.CompareTo(other.Key) : string.CompareOrdinal(Path, other.Path);
    }
}
