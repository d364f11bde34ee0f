using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Graph.Catalog.Querying;

/// <summary>Opaque cursors: a node's position, stable under inserts (ordinals are never reused).</summary>
internal static class Cursor
{
    private const string Prefix = "o1:";

    /// <summary>Encodes the cursor of a node.</summary>
    public static string Encode(int ordinal) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + ordinal.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Decodes a cursor.</summary>
    /// <exception cref="CatalogQueryException">The text is not a cursor of this service.</exception>
    public static int Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            if (cursor.Length <= 64)
            {
                var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
                if (text.StartsWith(Prefix, StringComparison.Ordinal)
                    && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
                    && ordinal < int.MaxValue)
                    return ordinal;
            }
        }
        catch (FormatException)
        {
        }

        // The text is not quoted: a caller sends it sealed, and its inner text holds a position (see CursorSeal).
        throw new CatalogQueryException("The cursor is not one of a connection; use a cursor from this connection's pageInfo or edges.");
    }
}
