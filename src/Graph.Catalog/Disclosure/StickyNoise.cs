using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Graph.Catalog.Disclosure;

/// <summary>Standard normal noise drawn from a keyed hash of what it is for: the same seed always gives the same value.</summary>
/// <remarks>Without the key nobody can compute a value, so nobody can subtract it; with the same seed an answer never changes, so asking again
/// draws nothing new. Values are clamped to ±3 so that one layer never moves an answer far.</remarks>
internal sealed class StickyNoise(byte[] key)
{
    /// <summary>The largest magnitude of one value.</summary>
    public const double Clamp = 3;

    /// <summary>The noise for a layer identified by a tag (what the layer is) and a set hash (which records it covers).</summary>
    public double Of(string tag, SetHash set)
    {
        Span<byte> material = stackalloc byte[SetHash.Size + Encoding.UTF8.GetMaxByteCount(tag.Length)];
        set.WriteTo(material);
        var length = SetHash.Size + Encoding.UTF8.GetBytes(tag, material[SetHash.Size..]);
        return Of(material[..length]);
    }

    /// <summary>The noise for a layer identified by a tag alone (a facet value, say).</summary>
    public double Of(string tag) => Of(tag, default);

    private double Of(ReadOnlySpan<byte> material)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, material, hash);
        // Box-Muller from two 53-bit uniforms in (0, 1].
        var u1 = ((BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) + 1) / 9007199254740992.0;
        var u2 = (BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]) >> 11) / 9007199254740992.0;
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Clamp(z, -Clamp, Clamp);
    }
}
