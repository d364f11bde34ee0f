namespace Graph.Dicom.Tests.Support;

/// <summary>One top-level element as dcmdump prints it.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="VR">The VR DCMTK gives it ("??" when unknown).</param>
/// <param name="Value">The printed value: empty for no value, null when DCMTK did not load it.</param>
internal sealed record DcmtkElement(DicomTag Tag, string VR, string? Value);
