using static Graph.Ingest.Demo.DemoCancerTypes;
using static Graph.Ingest.Demo.DemoRepositories;

namespace Graph.Ingest.Demo;

/// <summary>The 36 synthetic datasets of the demo federation, shaped like those of the AI for Health Imaging projects and of national registries.</summary>
internal static class DemoDatasets
{
    private const string Chaimeleon = "CHAIMELEON (synthetic)";
    private const string Procancer = "ProCAncer-I (synthetic)";
    private const string Eucanimage = "EuCanImage (synthetic)";
    private const string Incisive = "INCISIVE (synthetic)";
    private const string Primage = "PRIMAGE (synthetic)";
    private const string Registry = "National and regional registries (synthetic)";
    private const string Note = " Synthetic demonstration data: patients, studies and series are generated and describe no real person.";

    public static readonly DemoDataset[] All =
    [
        D("chaimeleon-lung-valencia", "CHM01", "Synthetic CHAIMELEON-like lung cancer CT and PET-CT (Valencia)", Chaimeleon, "restricted", "2.1", ChaimeleonValencia, 2200,
            "Lung cancer cases with staging and follow-up CT and FDG PET-CT.", C(Lung, DemoMixes.LungStaging)),
        D("chaimeleon-lung-turin", "CHM02", "Synthetic CHAIMELEON-like lung cancer CT (Turin)", Chaimeleon, "restricted", "1.3", ChaimeleonTurin, 1400,
            "Lung cancer cases with chest CT and FDG PET-CT.", C(Lung, DemoMixes.LungStaging)),
        D("chaimeleon-breast-valencia", "CHM03", "Synthetic CHAIMELEON-like breast cancer MG, MR and US (Valencia)", Chaimeleon, "restricted", "2.0", ChaimeleonValencia, 1800,
            "Breast cancer cases with mammography, breast MR, ultrasound and staging CT.", C(Breast, DemoMixes.BreastClinical)),
        D("chaimeleon-breast-lisbon", "CHM04", "Synthetic CHAIMELEON-like breast cancer imaging (Lisbon)", Chaimeleon, "restricted", "1.1", ChaimeleonLisbon, 1000,
            "Breast cancer cases with mammography, breast MR and ultrasound.", C(Breast, DemoMixes.BreastClinical)),
        D("chaimeleon-prostate-valencia", "CHM05", "Synthetic CHAIMELEON-like prostate cancer MR (Valencia)", Chaimeleon, "restricted", "2.0", ChaimeleonValencia, 1600,
            "Prostate cancer cases with multiparametric MR, some with PSMA PET-CT.", C(Prostate, DemoMixes.ProstateClinical)),
        D("chaimeleon-prostate-turin", "CHM06", "Synthetic CHAIMELEON-like prostate cancer MR (Turin)", Chaimeleon, "registered", "1.2", ChaimeleonTurin, 900,
            "Prostate cancer cases with multiparametric MR.", C(Prostate, DemoMixes.ProstateClinical)),
        D("chaimeleon-colon-lisbon", "CHM07", "Synthetic CHAIMELEON-like colon cancer CT (Lisbon)", Chaimeleon, "restricted", "1.0", ChaimeleonLisbon, 1000,
            "Colon cancer cases with staging CT, CT colonography and PET-CT.", C(Colon, DemoMixes.Colon)),
        D("chaimeleon-colon-valencia", "CHM08", "Synthetic CHAIMELEON-like colon cancer CT (Valencia)", Chaimeleon, "restricted", "2.0", ChaimeleonValencia, 800,
            "Colon cancer cases with staging and follow-up CT.", C(Colon, DemoMixes.Colon)),
        D("chaimeleon-rectum-turin", "CHM09", "Synthetic CHAIMELEON-like rectal cancer MR and CT (Turin)", Chaimeleon, "registered", "1.1", ChaimeleonTurin, 700,
            "Rectal cancer cases with pelvic MR staging and CT.", C(Rectum, DemoMixes.Rectum)),
        D("chaimeleon-rectum-valencia", "CHM10", "Synthetic CHAIMELEON-like rectal cancer MR and CT (Valencia)", Chaimeleon, "restricted", "2.0", ChaimeleonValencia, 600,
            "Rectal cancer cases with pelvic MR staging and restaging.", C(Rectum, DemoMixes.Rectum)),

        D("procancer-mpmri-athens", "PCA01", "Synthetic ProCAncer-I-like prostate mpMRI (Athens)", Procancer, "registered", "1.4", ProcancerAthens, 600,
            "Multiparametric prostate MR with biopsy-confirmed Gleason scores.", C(Prostate, DemoMixes.ProstateMultiparametricMr)),
        D("procancer-mpmri-nijmegen", "PCA02", "Synthetic ProCAncer-I-like prostate mpMRI (Nijmegen)", Procancer, "registered", "2.0", ProcancerNijmegen, 700,
            "Multiparametric prostate MR at 1.5 and 3 T from several vendors.", C(Prostate, DemoMixes.ProstateMultiparametricMr)),
        D("procancer-bpmri-athens", "PCA03", "Synthetic ProCAncer-I-like biparametric prostate MR, active surveillance (Athens)", Procancer, "restricted", "1.0", ProcancerAthens, 300,
            "Biparametric prostate MR of men under active surveillance.", C(Prostate, DemoMixes.ProstateBiparametricMr)),
        D("procancer-biopsy-nijmegen", "PCA04", "Synthetic ProCAncer-I-like prostate MR biopsy cohort (Nijmegen)", Procancer, "open", "1.1", ProcancerNijmegen, 400,
            "Prostate MR before targeted biopsy.", C(Prostate, DemoMixes.ProstateBiparametricMr)),

        D("eucanimage-hcc-barcelona", "ECI01", "Synthetic EuCanImage-like hepatocellular carcinoma CT and MR (Barcelona)", Eucanimage, "registered", "1.2", EucanimageBarcelona, 350,
            "Liver cancer cases with multiphase CT and liver MR.", C(Liver, DemoMixes.Liver)),
        D("eucanimage-liver-ct-paris", "ECI02", "Synthetic EuCanImage-like liver cancer multiphase CT (Paris)", Eucanimage, "open", "1.0", EucanimageParis, 300,
            "Liver cancer cases with multiphase CT.", C(Liver, DemoMixes.LiverCt)),
        D("eucanimage-colorectal-barcelona", "ECI03", "Synthetic EuCanImage-like colorectal cancer imaging (Barcelona)", Eucanimage, "registered", "1.2", EucanimageBarcelona, 400,
            "Colon and rectal cancer cases with staging CT and rectal MR.", C(Colon, DemoMixes.Colon, 0.6), C(Rectum, DemoMixes.Rectum, 0.4)),
        D("eucanimage-colorectal-paris", "ECI04", "Synthetic EuCanImage-like colorectal cancer imaging (Paris)", Eucanimage, "registered", "1.0", EucanimageParis, 300,
            "Colon and rectal cancer cases with CT and pelvic MR.", C(Colon, DemoMixes.Colon, 0.55), C(Rectum, DemoMixes.Rectum, 0.45)),
        D("eucanimage-breast-mri-barcelona", "ECI05", "Synthetic EuCanImage-like breast cancer DCE-MRI (Barcelona)", Eucanimage, "registered", "1.1", EucanimageBarcelona, 350,
            "Breast cancer cases with dynamic contrast-enhanced breast MR.", C(Breast, DemoMixes.BreastMri)),
        D("eucanimage-breast-mammography-paris", "ECI06", "Synthetic EuCanImage-like breast cancer mammography (Paris)", Eucanimage, "open", "1.0", EucanimageParis, 300,
            "Breast cancer cases with mammography and ultrasound.", C(Breast, DemoMixes.BreastMammography)),

        D("incisive-lung-thessaloniki", "INC01", "Synthetic INCISIVE-like lung cancer CT (Thessaloniki)", Incisive, "registered", "1.3", IncisiveThessaloniki, 350,
            "Lung cancer cases with chest CT and PET-CT.", C(Lung, DemoMixes.LungFollowUp)),
        D("incisive-lung-naples", "INC02", "Synthetic INCISIVE-like lung cancer CT (Naples)", Incisive, "registered", "1.0", IncisiveNaples, 250,
            "Lung cancer cases with chest CT.", C(Lung, DemoMixes.LungFollowUp)),
        D("incisive-breast-thessaloniki", "INC03", "Synthetic INCISIVE-like breast cancer MG and US (Thessaloniki)", Incisive, "registered", "1.3", IncisiveThessaloniki, 350,
            "Breast cancer cases with mammography, ultrasound and breast MR.", C(Breast, DemoMixes.BreastScreening)),
        D("incisive-breast-naples", "INC04", "Synthetic INCISIVE-like breast cancer MG and US (Naples)", Incisive, "open", "1.0", IncisiveNaples, 250,
            "Breast cancer cases with mammography and ultrasound.", C(Breast, DemoMixes.BreastScreening)),
        D("incisive-colorectal-thessaloniki", "INC05", "Synthetic INCISIVE-like colorectal cancer CT and MR (Thessaloniki)", Incisive, "registered", "1.3", IncisiveThessaloniki, 250,
            "Colon and rectal cancer cases with CT and pelvic MR.", C(Colon, DemoMixes.Colon, 0.65), C(Rectum, DemoMixes.Rectum, 0.35)),
        D("incisive-colorectal-naples", "INC06", "Synthetic INCISIVE-like colorectal cancer CT (Naples)", Incisive, "open", "1.0", IncisiveNaples, 200,
            "Colon and rectal cancer cases with CT.", C(Colon, DemoMixes.Colon, 0.7), C(Rectum, DemoMixes.Rectum, 0.3)),
        D("incisive-prostate-thessaloniki", "INC07", "Synthetic INCISIVE-like prostate cancer MR (Thessaloniki)", Incisive, "registered", "1.3", IncisiveThessaloniki, 200,
            "Prostate cancer cases with MR, CT and PSMA PET-CT.", C(Prostate, DemoMixes.ProstateStaging)),
        D("incisive-prostate-naples", "INC08", "Synthetic INCISIVE-like prostate cancer MR (Naples)", Incisive, "open", "1.0", IncisiveNaples, 150,
            "Prostate cancer cases with MR.", C(Prostate, DemoMixes.ProstateStaging)),

        D("primage-neuroblastoma-vienna", "PRI01", "Synthetic PRIMAGE-like paediatric neuroblastoma imaging (Vienna)", Primage, "restricted", "1.2", PrimageVienna, 450,
            "Neuroblastoma in children: MR, CT, MIBG scintigraphy and PET-CT.", C(Neuroblastoma, DemoMixes.Neuroblastoma)),
        D("primage-neuroblastoma-bologna", "PRI02", "Synthetic PRIMAGE-like paediatric neuroblastoma imaging (Bologna)", Primage, "restricted", "1.0", PrimageBologna, 250,
            "Neuroblastoma in children: MR, CT and MIBG scintigraphy.", C(Neuroblastoma, DemoMixes.Neuroblastoma)),
        D("primage-brain-vienna", "PRI03", "Synthetic PRIMAGE-like paediatric brain tumour MR (Vienna)", Primage, "restricted", "1.1", PrimageVienna, 200,
            "Gliomas and high-grade gliomas in children and adolescents, brain MR.", C(Glioma, DemoMixes.Brain, 0.75), C(Glioblastoma, DemoMixes.Brain, 0.25)),

        D("glioblastoma-heidelberg", "NGL01", "Synthetic regional glioblastoma MR (Heidelberg)", Registry, "registered", "3.0", GliomaHeidelberg, 300,
            "Glioblastoma cases with pre- and post-operative brain MR.", C(Glioblastoma, DemoMixes.Brain)),
        D("glioma-leuven", "NGL02", "Synthetic national low- and high-grade glioma MR (Leuven)", Registry, "open", "1.0", GliomaLeuven, 200,
            "Diffuse glioma cases with brain MR.", C(Glioma, DemoMixes.Brain)),
        D("glioblastoma-stockholm", "NGL03", "Synthetic regional glioblastoma MR (Stockholm)", Registry, "registered", "2.2", GliomaStockholm, 200,
            "Glioblastoma cases with brain MR including perfusion.", C(Glioblastoma, DemoMixes.Brain)),
        D("glioma-krakow", "NGL04", "Synthetic national adult diffuse glioma MR (Krakow)", Registry, "registered", "1.0", GliomaKrakow, 200,
            "Adult diffuse glioma cases, some progressing to glioblastoma, with brain MR.", C(Glioma, DemoMixes.Brain, 0.7), C(Glioblastoma, DemoMixes.Brain, 0.3)),
        D("glioblastoma-prague", "NGL05", "Synthetic national glioblastoma MR (Prague)", Registry, "open", "1.1", GliomaPrague, 200,
            "Glioblastoma cases with brain MR.", C(Glioblastoma, DemoMixes.Brain)),
    ];

    /// <summary>The launch catalogue's patients over all datasets.</summary>
    public static int LaunchPatients
    {
        get
        {
            var total = 0;
            foreach (var dataset in All)
                total += dataset.LaunchPatients;
            return total;
        }
    }

    private static DemoDataset D(string slug, string code, string title, string project, string tier, string version, int repository, int patients, string description, params DemoCohort[] cohorts) =>
        new(slug, code, title, description + Note, project, tier, LicenceOf(tier), version, repository, patients, project == Primage, cohorts);

    private static DemoCohort C(int cancerType, StudyMix mix, double weight = 1) => new(cancerType, weight, mix);

    private static string LicenceOf(string tier) => tier switch
    {
        "open" => "CC-BY-4.0",
        "registered" => "CC-BY-NC-4.0",
        _ => "LicenseRef-Synthetic-Data-Access-Agreement",
    };
}
