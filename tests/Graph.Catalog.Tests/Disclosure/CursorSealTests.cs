using System.Buffers.Text;
using Graph.Catalog.Disclosure;
using Graph.Catalog.Querying;

namespace Graph.Catalog.Tests.Disclosure;

/// <summary>Sealed cursors: what the catalogue gave comes back whole, and nothing else opens.</summary>
public sealed class CursorSealTests
{
    private static readonly CursorSeal Seal = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    // A page's cursor (one block) and a search's (several).
    private static readonly string[] Cursors = ["o1:0", "o1:2147483646", "search:0.3125:9:196601", "search:1.2345678901234567E-05:12:2147483646"];

    [Fact]
    public void Seal_ThenOpen_GivesTheCursorBackAndTheSameCursorSealsAlike()
    {
        foreach (var cursor in Cursors)
        {
            var sealedCursor = Seal.Seal(cursor)!;
            Assert.Equal(cursor, Seal.Open(sealedCursor, "after"));
            Assert.Equal(sealedCursor, Seal.Seal(cursor));
            Assert.DoesNotContain(cursor[..3], System.Text.Encoding.Latin1.GetString(Base64Url.DecodeFromChars(sealedCursor)), StringComparison.Ordinal);
        }

        Assert.Null(Seal.Open(null, "after"));
    }

    [Fact]
    public void Open_EveryBitOfASealedCursorFlipped_IsRefused()
    {
        foreach (var cursor in Cursors)
        {
            var bytes = Base64Url.DecodeFromChars(Seal.Seal(cursor)!);
            for (var bit = 0; bit < bytes.Length * 8; bit++)
            {
                var flipped = bytes.ToArray();
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                var error = Assert.Throws<CatalogQueryException>(() => Seal.Open(Base64Url.EncodeToString(flipped), "after"));
                Assert.Contains("'after'", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("bzE6MA")]
    [InlineData("not a cursor at all")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    public void Open_TextNotSealedByThisKey_IsRefused(string text)
    {
        Assert.Throws<CatalogQueryException>(() => Seal.Open(text, "before"));
        // Nor does another key open this key's cursors.
        var other = new CursorSeal(new byte[32]);
        Assert.Throws<CatalogQueryException>(() => other.Open(Seal.Seal("o1:5"), "before"));
    }

    [Fact]
    public void CursorDecode_TheLastPosition_IsRefusedRatherThanWrappingAround() =>
        Assert.Throws<CatalogQueryException>(() => Cursor.Decode(Base64Url.EncodeToString("o1:2147483647"u8)));
}
