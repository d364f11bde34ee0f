namespace Graph.Ingest.Demo;

/// <summary>The sixteen synthetic repositories of the demo federation, in twelve EU countries.</summary>
internal static class DemoRepositories
{
    public const int ChaimeleonValencia = 0;
    public const int ChaimeleonTurin = 1;
    public const int ChaimeleonLisbon = 2;
    public const int ProcancerAthens = 3;
    public const int ProcancerNijmegen = 4;
    public const int EucanimageBarcelona = 5;
    public const int EucanimageParis = 6;
    public const int IncisiveThessaloniki = 7;
    public const int IncisiveNaples = 8;
    public const int PrimageVienna = 9;
    public const int PrimageBologna = 10;
    public const int GliomaHeidelberg = 11;
    public const int GliomaLeuven = 12;
    public const int GliomaStockholm = 13;
    public const int GliomaKrakow = 14;
    public const int GliomaPrague = 15;

    private const string Note = " All of its records are synthetic, generated for demonstration; none describes a real person.";

    /// <summary>The viewer link of every demo repository: an OHIF viewer beside the repository's endpoint (fictional hosts, like the repositories).</summary>
    public const string ViewerUrlTemplate = "{baseUrl}/ohif/viewer?StudyInstanceUIDs={studyInstanceUid}&SeriesInstanceUIDs={seriesInstanceUid}";

    public static readonly DemoRepository[] All =
    [
        Of("synthetic-chaimeleon-valencia", "Synthetic CHAIMELEON-like repository (Valencia)", "ES", "Fictional Valencia Cancer Imaging Centre", "XNAT",
            "chaimeleon-valencia.example", "Multi-cancer imaging of lung, breast, prostate, colon and rectum shaped like the CHAIMELEON repository."),
        Of("synthetic-chaimeleon-turin", "Synthetic CHAIMELEON-like repository (Turin)", "IT", "Fictional Turin Oncology Hospital", "DICOMweb",
            "chaimeleon-turin.example", "Lung, prostate and rectal cancer imaging shaped like a CHAIMELEON clinical site."),
        Of("synthetic-chaimeleon-lisbon", "Synthetic CHAIMELEON-like repository (Lisbon)", "PT", "Fictional Lisbon Cancer Institute", "DICOMweb",
            "chaimeleon-lisbon.example", "Breast and colon cancer imaging shaped like a CHAIMELEON clinical site."),
        Of("synthetic-procancer-athens", "Synthetic ProCAncer-I-like repository (Athens)", "GR", "Fictional Athens Prostate Imaging Unit", "DICOMweb",
            "procancer-athens.example", "Prostate MR shaped like the ProCAncer-I platform."),
        Of("synthetic-procancer-nijmegen", "Synthetic ProCAncer-I-like repository (Nijmegen)", "NL", "Fictional Nijmegen Urology Imaging Group", "XNAT",
            "procancer-nijmegen.example", "Prostate MR shaped like a ProCAncer-I clinical site."),
        Of("synthetic-eucanimage-barcelona", "Synthetic EuCanImage-like repository (Barcelona)", "ES", "Fictional Barcelona Imaging Data Lab", "DICOMweb",
            "eucanimage-barcelona.example", "Liver, colorectal and breast cancer imaging shaped like the EuCanImage platform."),
        Of("synthetic-eucanimage-paris", "Synthetic EuCanImage-like repository (Paris)", "FR", "Fictional Paris Oncology Imaging Hub", "XNAT",
            "eucanimage-paris.example", "Liver, colorectal and breast cancer imaging shaped like a EuCanImage clinical site."),
        Of("synthetic-incisive-thessaloniki", "Synthetic INCISIVE-like repository (Thessaloniki)", "GR", "Fictional Thessaloniki Cancer Imaging Node", "DICOMweb",
            "incisive-thessaloniki.example", "Lung, breast, colorectal and prostate cancer imaging shaped like an INCISIVE federated node."),
        Of("synthetic-incisive-naples", "Synthetic INCISIVE-like repository (Naples)", "IT", "Fictional Naples Tumour Imaging Node", "DICOMweb",
            "incisive-naples.example", "Lung, breast, colorectal and prostate cancer imaging shaped like an INCISIVE federated node."),
        Of("synthetic-primage-vienna", "Synthetic PRIMAGE-like repository (Vienna)", "AT", "Fictional Vienna Paediatric Oncology Imaging", "XNAT",
            "primage-vienna.example", "Paediatric neuroblastoma and brain tumour imaging shaped like the PRIMAGE platform."),
        Of("synthetic-primage-bologna", "Synthetic PRIMAGE-like repository (Bologna)", "IT", "Fictional Bologna Children's Imaging Centre", "DICOMweb",
            "primage-bologna.example", "Paediatric neuroblastoma imaging shaped like a PRIMAGE clinical site."),
        Of("synthetic-neuro-heidelberg", "Synthetic regional neuro-oncology repository (Heidelberg)", "DE", "Fictional Heidelberg Neuroradiology Archive", "DICOMweb",
            "neuro-heidelberg.example", "Glioblastoma MR of a regional neuro-oncology network."),
        Of("synthetic-neuro-leuven", "Synthetic national glioma repository (Leuven)", "BE", "Fictional Leuven Brain Tumour Registry", "XNAT",
            "neuro-leuven.example", "Glioma MR of a national brain tumour registry."),
        Of("synthetic-neuro-stockholm", "Synthetic regional neuro-oncology repository (Stockholm)", "SE", "Fictional Stockholm Neuro-Oncology Centre", "DICOMweb",
            "neuro-stockholm.example", "Glioblastoma MR of a regional neuro-oncology network."),
        Of("synthetic-neuro-krakow", "Synthetic national glioma repository (Krakow)", "PL", "Fictional Krakow Neuroimaging Institute", "XNAT",
            "neuro-krakow.example", "Adult diffuse glioma MR of a national registry."),
        Of("synthetic-neuro-prague", "Synthetic national neuro-oncology repository (Prague)", "CZ", "Fictional Prague Brain Imaging Archive", "DICOMweb",
            "neuro-prague.example", "Glioblastoma MR of a national neuro-oncology registry."),
    ];

    private static DemoRepository Of(string slug, string name, string country, string institution, string kind, string host, string description) =>
        new(slug, name, country, institution, kind, host, description + Note);
}
