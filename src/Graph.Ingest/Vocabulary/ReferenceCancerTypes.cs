namespace Graph.Ingest.Vocabulary;

/// <summary>The federation's nine cancer types, which every catalogue holds as reference data.</summary>
internal static class ReferenceCancerTypes
{
    public static readonly ReferenceCancerType Breast = new("breast", "Breast cancer", "C50", null,
        "Malignant neoplasms of the breast, invasive and in situ.");

    public static readonly ReferenceCancerType Colon = new("colon", "Colon cancer", "C18", null,
        "Malignant neoplasms of the colon, caecum to sigmoid.");

    public static readonly ReferenceCancerType Lung = new("lung", "Lung cancer", "C34", null,
        "Malignant neoplasms of the bronchus and lung, small-cell and non-small-cell.");

    public static readonly ReferenceCancerType Prostate = new("prostate", "Prostate cancer", "C61", null,
        "Malignant neoplasms of the prostate.");

    public static readonly ReferenceCancerType Rectum = new("rectum", "Rectal cancer", "C20", null,
        "Malignant neoplasms of the rectum.");

    public static readonly ReferenceCancerType Liver = new("liver", "Liver cancer", "C22", null,
        "Malignant neoplasms of the liver and intrahepatic bile ducts, mostly hepatocellular carcinoma.");

    public static readonly ReferenceCancerType Glioma = new("glioma", "Glioma", null, "9380/3",
        "Diffuse and anaplastic gliomas other than glioblastoma: astrocytomas and oligodendrogliomas.");

    public static readonly ReferenceCancerType Neuroblastoma = new("neuroblastoma", "Neuroblastoma", null, "9500/3",
        "Embryonal tumours of the sympathetic nervous system in children.");

    public static readonly ReferenceCancerType Glioblastoma = new("glioblastoma", "Glioblastoma", null, "9440/3",
        "Glioblastoma, IDH-wildtype, WHO grade 4.");

    /// <summary>All nine, in the order the demo catalogue numbers them.</summary>
    public static readonly ReferenceCancerType[] All = [Breast, Colon, Lung, Prostate, Rectum, Liver, Glioma, Neuroblastoma, Glioblastoma];
}
