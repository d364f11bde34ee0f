namespace Graph.Ingest.Concepts;

/// <summary>Who changes concepts and mappings, as the rules of <see cref="ConceptPermissions"/> need it.</summary>
/// <param name="Id">The caller recorded with the mappings it writes (key:ID for an API key, a token's subject); null for the graph command.</param>
/// <param name="Curates">Whether it may change reference concepts and anyone's mappings (curators and administrators); partners may not.</param>
public sealed record ConceptEditor(string? Id, bool Curates)
{
    /// <summary>The operator running the graph command on the data folder: may change everything and records no caller.</summary>
    public static ConceptEditor Operator { get; } = new(null, true);
}
