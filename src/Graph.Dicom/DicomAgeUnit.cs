namespace Graph.Dicom;

/// <summary>The unit of an Age String (AS) value.</summary>
public enum DicomAgeUnit
{
    /// <summary>Days (D).</summary>
    Days,

    /// <summary>Weeks (W).</summary>
    Weeks,

    /// <summary>Months (M).</summary>
    Months,

    /// <summary>Years (Y).</summary>
    Years,
}
