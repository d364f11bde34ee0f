using System.Globalization;

namespace Graph.Domain;

/// <summary>Brings property values to the stored types: string, long, double, bool, string[].</summary>
public static class PropertyValues
{
    /// <summary>Converts a CLR value to its stored form (int to long, float to double, lists to string[]).</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or long or double or bool or string[] => value,
        int i => (long)i,
        short s => (long)s,
        uint u => (long)u,
        float f => (double)f,
        decimal m => (double)m,
        IEnumerable<string> list => list.ToArray(),
        _ => throw new ArgumentException($"Unsupported property value type {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>Converts a stored value to the type a field declares, or returns null with a reason.</summary>
    public static object? Coerce(FieldDef field, object? value, out string? error)
    {
        error = null;
        switch (field.Type, value)
        {
            case (_, null):
                return null;
            case (ValueKind.String, string s):
                return s;
            case (ValueKind.Int or ValueKind.Long, long l):
                return l;
            case (ValueKind.Int or ValueKind.Long, int i):
                return (long)i;
            case (ValueKind.Int or ValueKind.Long, double d) when d == Math.Floor(d) && Math.Abs(d) < 9e15:
                return (long)d;
            case (ValueKind.Float, double d):
                return d;
            case (ValueKind.Float, long l):
                return (double)l;
            case (ValueKind.Float, int i):
                return (double)i;
            case (ValueKind.Bool, bool b):
                return b;
            case (ValueKind.StringList, string[] list):
                return list;
            case (ValueKind.StringList, IEnumerable<string> list):
                return list.ToArray();
            default:
                error = $"{Describe(value)} is not a {field.Type.ToString().ToLowerInvariant()}";
                return null;
        }
    }

    /// <summary>Formats a value for an error message, shortened if long.</summary>
    public static string Describe(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => $"'{s}'",
            string[] list => $"[{string.Join(", ", list.Select(v => $"'{v}'"))}]",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }
}
