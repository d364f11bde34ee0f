using System.Globalization;

namespace Graph.Catalog.Disclosure;

/// <summary>A count over records of which the caller may read only some: the readable part exact, the rest protected.</summary>
/// <param name="Readable">Records the caller may read, exactly (every record when <paramref name="Exact"/>).</param>
/// <param name="Restricted">The protected estimate of the records the caller may not read (noisy, rounded); null when withheld, below the threshold, zero included.</param>
/// <param name="Exact">Whether the caller may read every record of the catalogue, so that the count is exact.</param>
/// <param name="Threshold">The threshold below which the restricted part is withheld, for the text.</param>
/// <param name="Estimated">Whether the restricted part is an estimate (false for counts of listed catalogue-level nodes, such as the datasets a protected facet lists).</param>
public sealed record ProtectedCount(long Readable, long? Restricted, bool Exact, int Threshold, bool Estimated = true)
{
    /// <summary>The figure to show: the readable records plus the estimate of the others (the readable ones alone when it is withheld).</summary>
    public long Value => Readable + (Restricted ?? 0);

    /// <summary>The count in words: "2,345", "about 2,200", "fewer than 5", "1,234 + about 2,200", "1,234 + fewer than 5".</summary>
    public string Text
    {
        get
        {
            if (Exact || !Estimated)
                return Number(Value);
            var rest = Restricted is { } r ? $"about {Number(r)}" : $"fewer than {Number(Threshold)}";
            return Readable == 0 ? rest : $"{Number(Readable)} + {rest}";
        }
    }

    /// <summary>An exact count.</summary>
    public static ProtectedCount Of(long count) => new(count, 0, true, 0);

    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>A total size in bytes over records of which the caller may read only some: the readable part exact, the rest protected.</summary>
/// <param name="Readable">Bytes of the records the caller may read, exactly.</param>
/// <param name="Restricted">The protected estimate of the bytes of the other records (noisy, three significant digits); null when withheld.</param>
/// <param name="Exact">Whether the caller may read every record of the catalogue.</param>
public sealed record ProtectedSize(long Readable, long? Restricted, bool Exact)
{
    /// <summary>The figure to show: the readable bytes plus the estimate of the others.</summary>
    public long Value => Readable + (Restricted ?? 0);

    /// <summary>The size in words: "1.2 TB", "about 3.4 TB", "2.0 GB + about 1.1 TB", "withheld".</summary>
    public string Text
    {
        get
        {
            if (Exact)
                return Bytes(Readable);
            var rest = Restricted is { } r ? $"about {Bytes(r)}" : "a withheld size";
            return Readable == 0 ? rest : $"{Bytes(Readable)} + {rest}";
        }
    }

    /// <summary>A size in decimal units (kB = 1,000 bytes).</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
        var value = (double)bytes;
        var unit = 0;
        while (value >= 999.95 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("G3", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
