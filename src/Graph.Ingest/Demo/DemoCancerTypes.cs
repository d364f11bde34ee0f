namespace Graph.Ingest.Demo;

/// <summary>The nine cancer types of the demo catalogue; the index of a type is its number in <see cref="All"/>.</summary>
internal static class DemoCancerTypes
{
    public const int Breast = 0;
    public const int Colon = 1;
    public const int Lung = 2;
    public const int Prostate = 3;
    public const int Rectum = 4;
    public const int Liver = 5;
    public const int Glioma = 6;
    public const int Neuroblastoma = 7;
    public const int Glioblastoma = 8;

    public static readonly DemoCancerType[] All =
    [
        new("breast", "Breast cancer", "C50", null,
            "Malignant neoplasms of the breast, invasive and in situ.", 0.99, 58, 12, 24, 95, 0.10),
        new("colon", "Colon cancer", "C18", null,
            "Malignant neoplasms of the colon, caecum to sigmoid.", 0.45, 68, 11, 28, 95, 0.22),
        new("lung", "Lung cancer", "C34", null,
            "Malignant neoplasms of the bronchus and lung, small-cell and non-small-cell.", 0.38, 67, 9, 30, 92, 0.45),
        new("prostate", "Prostate cancer", "C61", null,
            "Malignant neoplasms of the prostate.", 0.0, 67, 7, 42, 92, 0.08),
        new("rectum", "Rectal cancer", "C20", null,
            "Malignant neoplasms of the rectum.", 0.38, 65, 11, 27, 93, 0.22),
        new("liver", "Liver cancer", "C22", null,
            "Malignant neoplasms of the liver and intrahepatic bile ducts, mostly hepatocellular carcinoma.", 0.25, 66, 10, 30, 90, 0.45),
        new("glioma", "Glioma", null, "9380/3",
            "Diffuse and anaplastic gliomas other than glioblastoma: astrocytomas and oligodendrogliomas.", 0.43, 45, 14, 18, 85, 0.20),
        new("neuroblastoma", "Neuroblastoma", null, "9500/3",
            "Embryonal tumours of the sympathetic nervous system in children.", 0.45, 2, 2, 0, 10, 0.20),
        new("glioblastoma", "Glioblastoma", null, "9440/3",
            "Glioblastoma, IDH-wildtype, WHO grade 4.", 0.40, 62, 11, 20, 89, 0.75),
    ];

    /// <summary>Finds a type's index by code.</summary>
    public static int IndexOf(string code)
    {
        for (var i = 0; i < All.Length; i++)
        {
            if (All[i].Code == code)
                return i;
        }

        throw new ArgumentException($"Unknown demo cancer type '{code}'.", nameof(code));
    }
}
