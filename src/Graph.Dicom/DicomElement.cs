namespace Graph.Dicom;

/// <summary>An element of a data set as the reader found it; its value is read through the <see cref="DicomDataset"/>.</summary>
/// <param name="Tag">The element's tag.</param>
/// <param name="VR">The element's value representation.</param>
/// <param name="Length">The value length declared in the input (0xFFFFFFFF for undefined length).</param>
/// <param name="IsValueLoaded">False for bulk data (pixel data, large binary values) that was skipped and not kept.</param>
public readonly record struct DicomElement(DicomTag Tag, DicomVR VR, uint Length, bool IsValueLoaded)
{
    /// <summary>The length that marks an undefined-length value.</summary>
    public const uint UndefinedLength = 0xFFFFFFFF;
}
