using static Graph.Ingest.Demo.SeriesTemplates;

namespace Graph.Ingest.Demo;

/// <summary>The acquisition protocols of the demo catalogue, with series descriptions as scanners write them.</summary>
internal static class DemoProtocols
{
    private static readonly (int, int) Chest = (280, 360);
    private static readonly (int, int) ChestFov = (320, 400);
    private static readonly (int, int) Trunk = (600, 750);
    private static readonly (int, int) TrunkFov = (360, 480);
    private static readonly (int, int) WholeBody = (850, 1100);

    // The biparametric core that every prostate MR acquires.
    private static readonly SeriesTemplate ProstateT2Axial =
        Mr("PROSTATE", false, [3], (20, 30), 320, (180, 200), 1, "AX T2 FSE", "t2_tse_tra", "T2W_TSE_ax");
    private static readonly SeriesTemplate ProstateT2Sagittal =
        Mr("PROSTATE", false, [3], (20, 30), 320, (180, 200), 0.85, "SAG T2 TSE", "t2_tse_sag", "T2W_TSE_sag");
    private static readonly SeriesTemplate ProstateDiffusion =
        Mr("PROSTATE", false, [3, 3.5], (60, 120), 128, (240, 260), 1, "DWI b50-400-800", "ep2d_diff_b50_400_800", "DWI_b0_b1000");
    private static readonly SeriesTemplate ProstateHighB =
        Mr("PROSTATE", false, [3, 3.5], (20, 30), 128, (240, 260), 0.85, "DWI b1400", "CALC_BVAL b1400", "DWI_b1500");
    private static readonly SeriesTemplate ProstateAdc =
        Mr("PROSTATE", false, [3, 3.5], (20, 30), 128, (240, 260), 1, "ADC", "ep2d_diff_b50_400_800_ADC", "dADC");

    public static readonly StudyTemplate CtChest = new(
        ["CT CHEST W CONTRAST", "CT THORAX WITH CONTRAST", "CT CHEST WITH IV CONTRAST"],
        [
            Ct("CHEST", true, [1, 1.25], Chest, ChestFov, 1, "CT CHEST W/CONTRAST 1.25mm", "Thorax 1.0 Br60 LUNG", "LUNG 1.25mm B70f"),
            Ct("CHEST", true, [2, 2.5, 3], Chest, ChestFov, 0.9, "CT CHEST W/CONTRAST 3mm MEDIASTINUM", "Thorax 3.0 Br40", "MEDIASTINUM 2.5mm"),
            Ct("CHEST", true, [1, 2], Chest, ChestFov, 0.35, "COR MPR LUNG 2mm", "Cor 2.0 Br60", "CORONAL LUNG 1mm"),
            Ct("CHEST", true, [0.625], Chest, ChestFov, 0.25, "CT CHEST 0.625mm THIN", "Thorax 0.6 Br64 THIN"),
        ]);

    public static readonly StudyTemplate CtChestLowDose = new(
        ["CT CHEST W/O CONTRAST LOW DOSE", "CT THORAX NATIVE LOW DOSE"],
        [
            Ct("CHEST", false, [1, 1.25], Chest, ChestFov, 1, "CT CHEST W/O 1.25mm LUNG", "Thorax LD 1.0 Br59", "LDCT LUNG 1.25mm"),
            Ct("CHEST", false, [2.5, 3], Chest, ChestFov, 0.8, "CT CHEST W/O 3mm SOFT TISSUE", "Thorax LD 3.0 Br40"),
        ]);

    public static readonly StudyTemplate CtChestAbdomenPelvis = new(
        ["CT CHEST ABDOMEN PELVIS W CONTRAST", "CT TAP WITH CONTRAST", "CT THORAX ABDOMEN PELVIS"],
        [
            Ct("CHESTABDPELVIS", true, [5], Trunk, TrunkFov, 1, "CT CAP PORTAL VENOUS 5mm", "TAP 5.0 Br40 PV", "CAP 5mm STANDARD"),
            Ct("CHESTABDPELVIS", true, [1.25, 2], Trunk, TrunkFov, 0.8, "CT CAP PORTAL VENOUS 1.25mm", "TAP 2.0 Br40", "CAP 1.25mm"),
            Ct("CHEST", true, [1, 1.25], Chest, ChestFov, 0.6, "CHEST LUNG 1.25mm", "Thorax 1.0 Br60 LUNG"),
            Ct("ABDOMENPELVIS", true, [3], (350, 450), TrunkFov, 0.35, "COR MPR ABD 3mm", "Cor 3.0 Br40"),
        ]);

    public static readonly StudyTemplate CtAbdomenPelvis = new(
        ["CT ABDOMEN PELVIS W CONTRAST", "CT ABDOMEN AND PELVIS WITH IV CONTRAST"],
        [
            Ct("ABDOMENPELVIS", true, [2.5, 3], (380, 480), TrunkFov, 1, "CT ABD/PELVIS PORTAL VENOUS 3mm", "AbdPelvis 3.0 Br40", "ABD PEL 2.5mm"),
            Ct("ABDOMENPELVIS", true, [1.25], (380, 480), TrunkFov, 0.6, "CT ABD/PELVIS 1.25mm", "AbdPelvis 1.0 Br36"),
            Ct("ABDOMENPELVIS", true, [3], (380, 480), TrunkFov, 0.3, "COR MPR 3mm", "SAG MPR 3mm"),
        ]);

    public static readonly StudyTemplate CtColonography = new(
        ["CT COLONOGRAPHY", "CT VIRTUAL COLONOSCOPY"],
        [
            Ct("COLON", false, [1, 1.25], (400, 520), TrunkFov, 1, "CTC SUPINE 1.25mm", "SUPINE 1.0 B30f"),
            Ct("COLON", false, [1, 1.25], (400, 520), TrunkFov, 1, "CTC PRONE 1.25mm", "PRONE 1.0 B30f"),
            Ct("COLON", false, [1.25], (400, 520), TrunkFov, 0.15, "CTC LEFT DECUBITUS 1.25mm"),
        ]);

    public static readonly StudyTemplate CtLiverMultiphase = new(
        ["CT ABDOMEN LIVER MULTIPHASE", "CT LIVER TRIPHASIC", "CT HEPATIC PROTOCOL"],
        [
            Ct("LIVER", false, [2.5, 3], (250, 320), TrunkFov, 0.7, "NON CONTRAST 3mm", "Liver native 3.0 Br40"),
            Ct("LIVER", true, [1.25, 2.5], (250, 320), TrunkFov, 1, "LATE ARTERIAL PHASE 2.5mm", "Liver arterial 1.0 Br40"),
            Ct("LIVER", true, [1.25, 2.5], (250, 320), TrunkFov, 1, "PORTAL VENOUS PHASE 2.5mm", "Liver PV 1.0 Br40"),
            Ct("LIVER", true, [2.5, 3], (250, 320), TrunkFov, 0.7, "DELAYED PHASE 3mm", "Liver delayed 3.0 Br40"),
        ]);

    public static readonly StudyTemplate FdgPetCt = new(
        ["PET-CT FDG WHOLE BODY", "PET/CT 18F-FDG ONCOLOGY", "FDG PET CT SKULL BASE TO THIGH"],
        [
            Pet("WHOLEBODY", WholeBody, 1, "PET WB AC", "PET AC 3D", "FDG WB QCFX"),
            Pet("WHOLEBODY", WholeBody, 0.4, "PET WB NAC", "PET NAC 3D"),
            PetCtCt("WHOLEBODY", [3, 5], WholeBody, 1, "CT AC 3mm", "CTAC 5mm", "WB CT LOW DOSE 5mm"),
        ]);

    public static readonly StudyTemplate PsmaPetCt = new(
        ["PET-CT 68Ga-PSMA", "PSMA PET/CT WHOLE BODY", "18F-PSMA-1007 PET CT"],
        [
            Pet("WHOLEBODY", WholeBody, 1, "PSMA WB AC", "PET AC PSMA"),
            PetCtCt("WHOLEBODY", [3, 5], WholeBody, 1, "CT AC 3mm", "CTAC 5mm"),
        ]);

    public static readonly StudyTemplate Mammography = new(
        ["MAMMOGRAPHY BILATERAL", "MG SCREENING BILATERAL", "MAMMO DIAGNOSTIC BILATERAL"],
        [Mg("L CC", 1), Mg("R CC", 1), Mg("L MLO", 1), Mg("R MLO", 1), Mg("L ML", 0.08), Mg("R XCCL", 0.05), Mg("L SPOT MAG", 0.06)]);

    public static readonly StudyTemplate BreastUltrasound = new(
        ["US BREAST BILATERAL", "US BREAST", "BREAST ULTRASOUND TARGETED"],
        [
            Us("BREAST", (4, 30), 1, "US BREAST LEFT", "US BREAST RIGHT", "BREAST US"),
            Us("AXILLA", (2, 12), 0.4, "US AXILLA", "AXILLA LEFT", "AXILLA RIGHT"),
        ]);

    public static readonly StudyTemplate BreastMr = new(
        ["MR BREAST BILATERAL W/WO CONTRAST", "MRI BREAST DCE", "MR BREAST STAGING"],
        [
            Mr("BREAST", false, [1, 1.5, 2], (120, 200), 512, (320, 360), 1, "AX T1 3D NON FS", "t1_fl3d_tra_nonfs", "T1W_FFE_ax"),
            Mr("BREAST", false, [3, 4], (40, 60), 448, (320, 360), 1, "AX T2 STIR", "t2_tirm_tra", "T2W_TSE_ax"),
            Mr("BREAST", false, [3, 4], (60, 150), 192, (320, 360), 0.85, "DWI b50-800", "ep2d_diff_resolve", "DWI_b800"),
            Mr("BREAST", false, [3, 4], (30, 50), 192, (320, 360), 0.85, "ADC", "ep2d_diff_resolve_ADC", "dADC"),
            Mr("BREAST", true, [1, 1.5, 2], (150, 200), 512, (320, 360), 1, "DCE AX VIBE DYNAMIC", "Ax Vibrant MultiPhase", "DYN_eTHRIVE"),
            Mr("BREAST", true, [1, 1.5, 2], (120, 200), 512, (320, 360), 0.7, "SUB 1", "SUBTRACTION PHASE 1", "Ax Vibrant SUB"),
            Mr("BREAST", true, [1, 1.5, 2], (20, 60), 512, (320, 360), 0.35, "MIP SUB 1", "MIP COR"),
        ]);

    public static readonly StudyTemplate ProstateMultiparametric = new(
        ["MR PROSTATE MULTIPARAMETRIC", "MRI PROSTATE W/WO CONTRAST", "mpMRI PROSTATE"],
        [
            ProstateT2Axial,
            ProstateT2Sagittal,
            Mr("PROSTATE", false, [3], (20, 30), 320, (180, 200), 0.6, "COR T2 TSE", "t2_tse_cor", "T2W_TSE_cor"),
            ProstateDiffusion,
            ProstateHighB,
            ProstateAdc,
            Mr("PROSTATE", true, [3, 3.5], (150, 200), 192, (240, 260), 1, "DCE T1 VIBE", "t1_twist_tra_dyn", "DCE_THRIVE"),
            Mr("PELVIS", false, [5, 6], (20, 40), 320, (300, 360), 0.4, "AX T1 TSE PELVIS", "T1W_TSE_ax_pelvis"),
        ]);

    public static readonly StudyTemplate ProstateBiparametric = new(
        ["MR PROSTATE BIPARAMETRIC", "MRI PROSTATE WITHOUT CONTRAST", "bpMRI PROSTATE"],
        [ProstateT2Axial, ProstateT2Sagittal, ProstateDiffusion, ProstateHighB, ProstateAdc]);

    public static readonly StudyTemplate RectumMr = new(
        ["MR PELVIS RECTUM STAGING", "MRI RECTUM HIGH RESOLUTION", "MR RECTAL CANCER PROTOCOL"],
        [
            Mr("PELVIS", false, [4, 5, 6], (20, 30), 320, (200, 260), 1, "SAG T2 TSE", "T2W_TSE_sag", "Sag T2 FSE"),
            Mr("PELVIS", false, [3], (24, 40), 320, (160, 200), 1, "AX OBL T2 HR 3mm", "t2_tse_tra_obl_hr", "T2W_TSE_obl_HR"),
            Mr("PELVIS", false, [3], (24, 40), 320, (160, 200), 0.6, "COR OBL T2 3mm", "t2_tse_cor_obl"),
            Mr("PELVIS", false, [4, 5], (40, 120), 160, (240, 300), 0.9, "DWI b0-1000", "ep2d_diff_b50_800_1000", "DWI_b1000"),
            Mr("PELVIS", false, [4, 5], (20, 40), 160, (240, 300), 0.9, "ADC", "ep2d_diff_ADC", "dADC"),
            Mr("PELVIS", true, [1.5, 2, 3], (60, 160), 320, (300, 360), 0.3, "AX T1 VIBE FS POST GAD", "T1W_mDIXON_ax_post"),
        ]);

    public static readonly StudyTemplate LiverMr = new(
        ["MR LIVER W/WO CONTRAST", "MRI ABDOMEN LIVER PROTOCOL", "MR LIVER GADOXETATE"],
        [
            Mr("LIVER", false, [5, 6], (20, 40), 320, (360, 420), 1, "COR T2 HASTE", "T2 SSFSE COR"),
            Mr("LIVER", false, [5, 6], (30, 50), 320, (360, 420), 1, "AX T2 FS", "T2W_SPAIR_ax", "t2_haste_fs_tra"),
            Mr("LIVER", false, [5, 6], (60, 150), 160, (360, 420), 0.9, "DWI b50-800", "ep2d_diff_b50_800_tra"),
            Mr("LIVER", false, [5, 6], (30, 50), 160, (360, 420), 0.9, "ADC", "ep2d_diff_ADC"),
            Mr("LIVER", false, [3, 4], (60, 120), 320, (360, 420), 0.8, "AX T1 IN/OPP PHASE", "t1_vibe_dixon_tra"),
            Mr("LIVER", true, [2, 3], (120, 200), 320, (360, 420), 1, "AX T1 DYNAMIC ARTERIAL/PORTAL", "DYN_eTHRIVE", "Ax LAVA Flex MPh"),
            Mr("LIVER", true, [2, 3], (60, 100), 320, (360, 420), 0.5, "HEPATOBILIARY PHASE 20 MIN", "t1_vibe_fs_tra_HBP"),
        ]);

    public static readonly StudyTemplate BrainMr = new(
        ["MR BRAIN W/WO CONTRAST", "MRI HEAD WITH AND WITHOUT GADOLINIUM", "MR BRAIN TUMOUR PROTOCOL"],
        [
            Mr("BRAIN", false, [5], (20, 30), 256, (220, 240), 0.7, "AX T1 SE", "t1_se_tra", "T1W_SE_ax"),
            Mr("BRAIN", false, [1], (160, 192), 256, (240, 256), 0.8, "SAG 3D T1 MPRAGE", "Sag 3D T1 BRAVO", "3D_T1W_TFE"),
            Mr("BRAIN", false, [4, 5], (20, 30), 384, (220, 240), 1, "AX T2 TSE", "t2_tse_tra", "T2W_TSE_ax"),
            Mr("BRAIN", false, [4, 5], (24, 40), 256, (220, 240), 1, "AX FLAIR", "t2_tirm_tra_dark-fluid", "T2W_FLAIR_ax"),
            Mr("BRAIN", false, [1], (160, 192), 256, (240, 256), 0.35, "SAG 3D FLAIR", "3D_FLAIR_sag", "Sag CUBE FLAIR"),
            Mr("BRAIN", false, [4, 5], (40, 100), 192, (220, 240), 1, "AX DWI b1000", "ep2d_diff_3scan_trace", "DWI_b1000"),
            Mr("BRAIN", false, [4, 5], (20, 30), 192, (220, 240), 1, "ADC", "ep2d_diff_3scan_trace_ADC", "dADC"),
            Mr("BRAIN", true, [1], (160, 192), 256, (240, 256), 1, "3D T1 MPRAGE POST GAD", "Sag 3D T1 BRAVO +C", "3D_T1W_TFE_GD"),
            Mr("BRAIN", false, [1.5, 2], (60, 96), 256, (220, 240), 0.4, "AX SWI", "SWI_Images", "SWIp"),
            Mr("BRAIN", true, [4, 5], (100, 200), 128, (220, 240), 0.3, "PERFUSION DSC", "ep2d_perf", "PWI_DSC"),
        ]);

    public static readonly StudyTemplate PaediatricCt = new(
        ["CT CHEST ABDOMEN W CONTRAST PAEDIATRIC", "CT ABDOMEN PELVIS PAEDIATRIC"],
        [
            Ct("ABDOMEN", true, [1.25, 2.5], (250, 400), (200, 300), 1, "CT ABDOMEN W/CONTRAST 2.5mm PEDS", "Abdomen 2.0 Br40 Ped"),
            Ct("CHEST", true, [1.25, 2], (180, 260), (180, 260), 0.6, "CT CHEST PEDS 1.25mm", "Thorax 2.0 Br40 Ped"),
        ]);

    public static readonly StudyTemplate PaediatricAbdomenMr = new(
        ["MR ABDOMEN W/WO CONTRAST", "MRI ABDOMEN NEUROBLASTOMA STAGING"],
        [
            Mr("ABDOMEN", false, [4, 5], (25, 40), 320, (240, 340), 1, "COR T2 HASTE", "COR T2 SSFSE"),
            Mr("ABDOMEN", false, [4, 5], (25, 50), 320, (240, 340), 1, "AX T2 FS", "T2W_SPAIR_ax"),
            Mr("ABDOMEN", false, [4, 5, 6], (50, 120), 160, (240, 340), 0.8, "DWI b50-800", "ep2d_diff_tra"),
            Mr("ABDOMEN", false, [4, 5, 6], (25, 40), 160, (240, 340), 0.8, "ADC", "ep2d_diff_tra_ADC"),
            Mr("ABDOMEN", true, [2, 3, 4], (40, 120), 320, (240, 340), 0.8, "AX T1 FS POST GAD", "t1_vibe_fs_tra_post"),
            Mr("WHOLEBODY", false, [5, 6], (60, 150), 320, (400, 500), 0.3, "COR STIR WHOLE BODY", "WB_STIR_cor"),
        ]);

    public static readonly StudyTemplate MibgScintigraphy = new(
        ["123I-MIBG SCINTIGRAPHY WHOLE BODY", "MIBG SCAN 24H SPECT/CT"],
        [
            Nm("WHOLEBODY", [], (1, 2), 256, (540, 620), 1, "WB ANT/POST MIBG 24H", "MIBG WHOLE BODY"),
            Nm("ABDOMEN", [4.42, 4.8], (60, 128), 128, (540, 620), 0.6, "SPECT ABDOMEN MIBG", "SPECT RECON OSEM"),
            SpectCt("ABDOMEN", (250, 400), 0.4, "CT SPECT AC 5mm", "CT LOW DOSE SPECT/CT"),
        ]);

    public static readonly StudyTemplate PaediatricPetCt = new(
        ["PET-CT 18F-FDG PAEDIATRIC", "68Ga-DOTATATE PET/CT"],
        [
            Pet("WHOLEBODY", (500, 900), 1, "PET WB AC", "PET AC PEDS"),
            PetCtCt("WHOLEBODY", [3, 5], (500, 900), 1, "CT AC 3mm PEDS", "CTAC 5mm"),
        ]);
}
