using System.Buffers.Text;
using System.Security.Cryptography;
using Graph.Catalog.Querying;

namespace Graph.Catalog.Disclosure;

/// <summary>
/// Cursors as callers see them: the catalogue's cursor (a record's position among all records, readable or not) encrypted
/// with a key of the service, so that a caller can neither read positions from cursors (the gap between two readable records
/// would count the unreadable ones between them) nor make a cursor for a position it was not given.
/// </summary>
/// <remarks>
/// The cursor's ASCII text, closed by 0x80 and zeros to whole 16-byte blocks, is encrypted with AES in CBC mode with a zero
/// IV: the same cursor always seals alike, and changing any byte of a sealed cursor garbles at least one whole block, which
/// then fails the strict check of what a cursor may hold (printable ASCII, its closing byte, zeros after it) and the
/// catalogue's own parsing of the text. The key is derived from the disclosure-control secret, so every replica that shares
/// it reads the others' cursors, and cursors outlive restarts.
/// </remarks>
public sealed class CursorSeal
{
    private const int Block = 16;

    /// <summary>The longest cursor text sealed (a search cursor: score, kind, position).</summary>
    private const int MaxBlocks = 4;

    private static readonly byte[] ZeroIv = new byte[Block];
    private readonly ThreadLocal<Aes> _aes;

    /// <summary>Creates the seal with a 32-byte key.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public CursorSeal(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
            throw new ArgumentException($"A cursor key has 32 bytes; this one has {key.Length}.", nameof(key));
        var copy = key.ToArray();
        // Instances of Aes may not be shared between threads: one per thread, each with the key.
        _aes = new ThreadLocal<Aes>(() =>
        {
            var aes = Aes.Create();
            aes.Key = copy;
            return aes;
        });
    }

    /// <summary>The sealed form of a cursor the catalogue gave, or null for null.</summary>
    public string? Seal(string? cursor)
    {
        if (cursor is null)
            return null;
        var length = (cursor.Length / Block + 1) * Block;
        if (length > MaxBlocks * Block)
            throw new InvalidOperationException($"A cursor of {cursor.Length} characters is too long to seal.");
        Span<byte> plain = stackalloc byte[length];
        plain.Clear();
        for (var i = 0; i < cursor.Length; i++)
            plain[i] = (byte)cursor[i];
        plain[cursor.Length] = 0x80;
        Span<byte> sealedBytes = stackalloc byte[length];
        _aes.Value!.EncryptCbc(plain, ZeroIv, sealedBytes, PaddingMode.None);
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The catalogue's cursor inside a sealed one, or null for null.</summary>
    /// <param name="sealedCursor">The cursor a caller sent.</param>
    /// <param name="argument">The argument that carried it, for the message.</param>
    /// <exception cref="CatalogQueryException">The text is not a cursor this service sealed.</exception>
    public string? Open(string? sealedCursor, string argument)
    {
        if (sealedCursor is null)
            return null;
        Span<byte> bytes = stackalloc byte[MaxBlocks * Block];
        Span<byte> plain = stackalloc byte[MaxBlocks * Block];
        if (sealedCursor.Length <= Base64Url.GetEncodedLength(MaxBlocks * Block)
            && Base64Url.IsValid(sealedCursor)
            && Base64Url.TryDecodeFromChars(sealedCursor, bytes, out var written)
            && written > 0 && written % Block == 0
            && _aes.Value!.TryDecryptCbc(bytes[..written], ZeroIv, plain, out var length, PaddingMode.None)
            && Text(plain[..length]) is { } text)
            return text;
        var shown = sealedCursor.Length > 64 ? sealedCursor[..64] + "..." : sealedCursor;
        throw new CatalogQueryException($"'{argument}': '{shown}' is not a cursor of this service; pass a cursor or endCursor a page or search returned.");
    }

    // The text before the closing 0x80, when it is printable ASCII and only zeros follow the closing byte.
    private static string? Text(ReadOnlySpan<byte> plain)
    {
        var end = plain.LastIndexOfAnyExcept((byte)0);
        if (end < 0 || plain[end] != 0x80 || plain.Length - end > Block)
            return null;
        var text = plain[..end];
        return text.Length > 0 && !text.ContainsAnyExceptInRange((byte)0x21, (byte)0x7E) ? System.Text.Encoding.ASCII.GetString(text) : null;
    }
}
