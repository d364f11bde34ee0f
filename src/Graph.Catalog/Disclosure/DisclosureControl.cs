using Graph.Catalog.Access;

namespace Graph.Catalog.Disclosure;

/// <summary>The one way to aggregate over records a caller may not read: every such answer is protected here.</summary>
/// <remarks>
/// An aggregate is split into the records the caller may read, answered exactly, and the others, which pass one protection
/// layer: conditions that name individual records match only readable ones, a part from fewer patients than the threshold
/// is withheld (zero included), and a shown part carries sticky noise (a layer per condition, seeded by the records the
/// condition selects, and one seeded by the records counted) and is rounded. See the README's Security section.
/// </remarks>
public sealed class DisclosureControl
{
    private readonly StickyNoise _noise;

    /// <summary>Creates the layer with its settings and the secret that seeds its noise.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or the secret is shorter than 16 bytes.</exception>
    public DisclosureControl(DisclosureOptions options, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secret);
        options.Validate();
        if (secret.Length < 16)
            throw new ArgumentException($"The disclosure-control secret has {secret.Length} bytes; it needs at least 16.", nameof(secret));
        Options = options;
        _noise = new StickyNoise(System.Security.Cryptography.HMACSHA256.HashData(secret, "cancer-imaging-graph/disclosure-noise/v1"u8));
        Cursors = new CursorSeal(System.Security.Cryptography.HMACSHA256.HashData(secret, "cancer-imaging-graph/cursors/v1"u8));
    }

    /// <summary>Seals the cursors callers are given and opens those they send, so that they disclose no position.</summary>
    public CursorSeal Cursors { get; }

    /// <summary>The settings.</summary>
    public DisclosureOptions Options { get; }

    /// <summary>The catalogue's aggregates as a caller with this access may see them.</summary>
    public ProtectedCatalog For(CatalogSnapshot snapshot, RecordAccess access)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(access);
        return new ProtectedCatalog(snapshot, access, Options, _noise);
    }
}
