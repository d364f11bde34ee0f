namespace Graph.Ingest.Demo;

/// <summary>A synthetic repository of the demo federation.</summary>
/// <param name="Slug">The Repository key.</param>
/// <param name="Name">Display name, which says the repository is synthetic.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Institution">The fictional institution that runs it.</param>
/// <param name="Kind">DICOMweb or XNAT.</param>
/// <param name="Host">The host name under the reserved .example domain.</param>
/// <param name="Description">What it holds.</param>
internal sealed record DemoRepository(string Slug, string Name, string Country, string Institution, string Kind, string Host, string Description)
{
    /// <summary>The public endpoint: the DICOMweb root, or the XNAT site.</summary>
    public string BaseUrl => Kind == "XNAT" ? $"https://{Host}/xnat" : $"https://{Host}/dicom-web";

    /// <summary>The address for access requests.</summary>
    public string Contact => $"access@{Host}";
}
