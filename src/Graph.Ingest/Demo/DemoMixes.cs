using static Graph.Ingest.Demo.DemoProtocols;

namespace Graph.Ingest.Demo;

/// <summary>How often each protocol is used for the patients of a kind of dataset.</summary>
internal static class DemoMixes
{
    // Staging and a few follow-ups; prostate MR mostly once before biopsy; brain tumours and neuroblastoma are followed longest.
    private static readonly Choice<int> FollowUp = new((1, 15), (2, 35), (3, 30), (4, 20));
    private static readonly Choice<int> Diagnostic = new((1, 45), (2, 35), (3, 15), (4, 5));
    private static readonly Choice<int> LongFollowUp = new((1, 10), (2, 25), (3, 30), (4, 20), (5, 15));

    public static readonly StudyMix LungStaging = StudyMix.Of(FollowUp, (CtChest, 45), (CtChestLowDose, 10), (CtChestAbdomenPelvis, 20), (FdgPetCt, 25));
    public static readonly StudyMix LungFollowUp = StudyMix.Of(FollowUp, (CtChest, 55), (CtChestLowDose, 15), (CtChestAbdomenPelvis, 15), (FdgPetCt, 15));
    public static readonly StudyMix BreastClinical = StudyMix.Of(FollowUp, (Mammography, 40), (BreastMr, 30), (BreastUltrasound, 12), (CtChestAbdomenPelvis, 10), (FdgPetCt, 8));
    public static readonly StudyMix BreastScreening = StudyMix.Of(FollowUp, (Mammography, 50), (BreastUltrasound, 20), (BreastMr, 20), (CtChestAbdomenPelvis, 10));
    public static readonly StudyMix BreastMri = StudyMix.Of(FollowUp, (BreastMr, 85), (Mammography, 10), (BreastUltrasound, 5));
    public static readonly StudyMix BreastMammography = StudyMix.Of(FollowUp, (Mammography, 75), (BreastUltrasound, 20), (BreastMr, 5));
    public static readonly StudyMix ProstateClinical = StudyMix.Of(Diagnostic, (ProstateMultiparametric, 85), (ProstateBiparametric, 5), (PsmaPetCt, 4), (CtAbdomenPelvis, 6));
    public static readonly StudyMix ProstateMultiparametricMr = StudyMix.Of(Diagnostic, (ProstateMultiparametric, 80), (ProstateBiparametric, 20));
    public static readonly StudyMix ProstateBiparametricMr = StudyMix.Of(Diagnostic, (ProstateBiparametric, 85), (ProstateMultiparametric, 15));
    public static readonly StudyMix ProstateStaging = StudyMix.Of(Diagnostic, (ProstateMultiparametric, 80), (CtAbdomenPelvis, 10), (PsmaPetCt, 10));
    public static readonly StudyMix Colon = StudyMix.Of(FollowUp, (CtChestAbdomenPelvis, 65), (CtAbdomenPelvis, 15), (CtColonography, 10), (FdgPetCt, 10));
    public static readonly StudyMix Rectum = StudyMix.Of(FollowUp, (RectumMr, 55), (CtChestAbdomenPelvis, 40), (FdgPetCt, 5));
    public static readonly StudyMix Liver = StudyMix.Of(FollowUp, (CtLiverMultiphase, 65), (LiverMr, 20), (CtChestAbdomenPelvis, 15));
    public static readonly StudyMix LiverCt = StudyMix.Of(FollowUp, (CtLiverMultiphase, 85), (CtChestAbdomenPelvis, 15));
    public static readonly StudyMix Brain = StudyMix.Of(LongFollowUp, (BrainMr, 1));
    public static readonly StudyMix Neuroblastoma = StudyMix.Of(LongFollowUp, (PaediatricAbdomenMr, 40), (PaediatricCt, 30), (MibgScintigraphy, 20), (PaediatricPetCt, 10));
}
