namespace Graph.Dicom.Tests.Support;

/// <summary>One element as dcmdump prints it, with the items of a sequence.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="VR">The VR DCMTK gives it ("??" when unknown, "up" for a DICOMDIR offset).</param>
/// <param name="Value">The printed value: empty for no value, null when DCMTK did not load it or it is a sequence.</param>
/// <param name="Items">A sequence's items, each its elements in file order; null for any other element.</param>
internal sealed record DcmtkElement(DicomTag Tag, string VR, string? Value, IReadOnlyList<IReadOnlyList<DcmtkElement>>? Items = null);
