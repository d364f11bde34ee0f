using System.Globalization;

namespace Graph.Dicom.Text;

/// <summary>Parsing of the ASCII value formats of PS3.5 6.2 (numbers, dates, times) straight from bytes.</summary>
internal static class DicomText
{
    /// <summary>Removes trailing spaces and NULs (padding).</summary>
    public static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> value)
    {
        var end = value.Length;
        while (end > 0 && value[end - 1] is (byte)' ' or 0)
        {
            end--;
        }

        return value[..end];
    }

    /// <summary>Removes leading and trailing spaces and NULs.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        value = TrimEnd(value);
        var start = 0;
        while (start < value.Length && value[start] is (byte)' ' or 0)
        {
            start++;
        }

        return value[start..];
    }

    /// <summary>Finds the value at an index of a backslash-separated multi-value, trimmed.</summary>
    public static bool TryGetValue(ReadOnlySpan<byte> raw, int index, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (index < 0)
        {
            return false;
        }

        for (var i = 0; i < index; i++)
        {
            var slash = raw.IndexOf((byte)'\\');
            if (slash < 0)
            {
                return false;
            }

            raw = raw[(slash + 1)..];
        }

        var end = raw.IndexOf((byte)'\\');
        value = Trim(end < 0 ? raw : raw[..end]);
        return true;
    }

    /// <summary>Parses a Decimal String or Integer String value.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> value, out double result) =>
        double.TryParse(Trim(value), NumberStyles.Float, CultureInfo.InvariantCulture, out result);

    /// <summary>Parses an Integer String value.</summary>
    public static bool TryParseLong(ReadOnlySpan<byte> value, out long result) =>
        long.TryParse(Trim(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);

    /// <summary>Parses a DA value "YYYYMMDD" (or the ACR-NEMA form "YYYY.MM.DD").</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> value, out DateOnly date)
    {
        date = default;
        value = Trim(value);
        if (value.Length == 10 && value[4] == '.' && value[7] == '.')
        {
            Span<byte> compact = [value[0], value[1], value[2], value[3], value[5], value[6], value[8], value[9]];
            return TryParseDate(compact, out date);
        }

        if (value.Length != 8 || !TryDigits(value[..4], out var year) || !TryDigits(value.Slice(4, 2), out var month)
            || !TryDigits(value.Slice(6, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses a TM value "HH[MM[SS[.FFFFFF]]]" (or the ACR-NEMA form "HH:MM:SS.FFFFFF").</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> value, out TimeOnly time)
    {
        time = default;
        value = Trim(value);
        Span<byte> compact = stackalloc byte[16];
        var n = 0;
        foreach (var b in value)
        {
            if (b == ':')
            {
                continue;
            }

            if (n == compact.Length)
            {
                return false;
            }

            compact[n++] = b;
        }

        return TryParseClock(compact[..n], out time);
    }

    /// <summary>Parses a DT value "YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]][&amp;ZZXX]", converting to UTC when an offset is given.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> value, out DateTime dateTime)
    {
        dateTime = default;
        value = Trim(value);
        TimeSpan? offset = null;
        var sign = value.IndexOfAny((byte)'+', (byte)'-');
        if (sign >= 0)
        {
            var zone = value[(sign + 1)..];
            if (zone.Length != 4 || !TryDigits(zone[..2], out var zh) || !TryDigits(zone[2..], out var zm) || zh > 14 || zm > 59)
            {
                return false;
            }

            offset = new TimeSpan(zh, zm, 0) * (value[sign] == '-' ? -1 : 1);
            value = value[..sign];
        }

        if (value.Length < 4 || !TryDigits(value[..4], out var year) || year < 1)
        {
            return false;
        }

        var month = 1;
        var day = 1;
        if (value.Length >= 6 && !TryDigits(value.Slice(4, 2), out month))
        {
            return false;
        }

        if (value.Length >= 8 && !TryDigits(value.Slice(6, 2), out day))
        {
            return false;
        }

        if (value.Length is 5 or 7 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var clock = TimeOnly.MinValue;
        if (value.Length > 8 && !TryParseClock(value[8..], out clock))
        {
            return false;
        }

        var local = new DateOnly(year, month, day).ToDateTime(clock, DateTimeKind.Unspecified);
        dateTime = offset is { } o ? DateTime.SpecifyKind(local - o, DateTimeKind.Utc) : local;
        return true;
    }

    private static bool TryParseClock(ReadOnlySpan<byte> value, out TimeOnly time)
    {
        time = default;
        var dot = value.IndexOf((byte)'.');
        var whole = dot < 0 ? value : value[..dot];
        if (whole.Length is not (2 or 4 or 6) || !TryDigits(whole[..2], out var hour) || hour > 23)
        {
            return false;
        }

        var minute = 0;
        var second = 0;
        if (whole.Length >= 4 && (!TryDigits(whole.Slice(2, 2), out minute) || minute > 59))
        {
            return false;
        }

        if (whole.Length == 6 && (!TryDigits(whole.Slice(4, 2), out second) || second > 60))
        {
            return false;
        }

        var ticks = 0L;
        if (dot >= 0)
        {
            var fraction = value[(dot + 1)..];
            if (fraction.Length is 0 or > 6 || !TryDigits(fraction, out var digits))
            {
                return false;
            }

            ticks = digits * (long)Math.Pow(10, 7 - fraction.Length);
        }

        // A leap second (60) is kept inside the day.
        time = new TimeOnly(hour, minute, Math.Min(second, 59)).Add(TimeSpan.FromTicks(ticks));
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return digits.Length > 0;
    }
}
