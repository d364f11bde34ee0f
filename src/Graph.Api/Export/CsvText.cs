using System.Buffers;
using System.Globalization;
using System.Text;

namespace Graph.Api.Export;

/// <summary>CSV cells as RFC 4180 and OWASP's CSV injection guidance want them, for every CSV the service writes.</summary>
/// <remarks>A text cell is quoted when it holds a comma, quote or line break; one that a spreadsheet would run as a formula
/// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is prefixed with <c>'</c> and quoted.
/// Numbers and booleans are written as they are, so <c>-5</c> stays a number.</remarks>
internal static class CsvText
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");

    /// <summary>Appends a text cell.</summary>
    public static StringBuilder Append(StringBuilder text, string value)
    {
        var formula = value.Length > 0 && FormulaStart.Contains(value[0]);
        if (!formula && value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
            return text.Append(value);
        text.Append('"');
        if (formula)
            text.Append('\'');
        return text.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>A cell of any value: empty for null, numbers and booleans in invariant form, anything else as text.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => Append(new StringBuilder(s.Length + 2), s).ToString(),
        IFormattable f and (int or long or float or decimal or short or byte) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Cell(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };
}
