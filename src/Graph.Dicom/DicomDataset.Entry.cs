namespace Graph.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>Where an element's value lives: a slice of the store, a list of items, or nowhere (skipped).</summary>
    internal readonly record struct Entry(
        DicomTag Tag, DicomVR VR, uint Length, bool Loaded, int Offset, int Size, DicomDataset[]? Items)
    {
        public DicomElement ToElement() => new(Tag, VR, Length, Loaded);
    }
}
