using System.Globalization;
using System.Text;

namespace Graph.Catalog.Querying;

/// <summary>Cursors of text search hits: a hit's place in the ranking (score, kind, row), so the next page starts right after it.</summary>
internal static class SearchCursor
{
    private const string Prefix = "search:";

    public static string Encode(Hit hit) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{hit.Score:R}:{hit.KindOrder}:{hit.Ordinal}")));

    /// <exception cref="CatalogQueryException">The text is not a cursor of a search.</exception>
    public static Hit Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split(':') : [];
            if (parts.Length == 3
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
                return new Hit(kind, ordinal, score, "", "");
        }
        catch (FormatException)
        {
        }

        // The text is not quoted: a caller sends it sealed, and its inner text holds a position (see CursorSeal).
        throw new CatalogQueryException("The cursor is not one of a search: pass the cursor or endCursor a search returned.");
    }
}
