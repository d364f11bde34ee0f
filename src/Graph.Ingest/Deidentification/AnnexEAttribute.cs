using Graph.Dicom;

namespace Graph.Ingest.Deidentification;

/// <summary>An attribute ingest reads or drops, with its action in PS3.15 Table E.1-1 and what ingest does with it.</summary>
/// <param name="Tag">The attribute.</param>
/// <param name="BasicProfile">The Basic Profile action (X remove, Z empty, D dummy, U new UID, C clean), or "-" when Table E.1-1 does not list it.</param>
/// <param name="Treatment">What ingest does.</param>
internal sealed record AnnexEAttribute(DicomTag Tag, string BasicProfile, AttributeTreatment Treatment)
{
    /// <summary>Whether values derived from the attribute may reach catalogue fields.</summary>
    public bool IsAllowed => Treatment is not (AttributeTreatment.Dropped or AttributeTreatment.ReadToClean);

    /// <inheritdoc />
    public override string ToString() => $"{Tag} {Tag.Keyword}: {BasicProfile} -> {Treatment}";
}
