namespace Graph.Ingest.Deidentification;

/// <summary>Words that imaging descriptions are written in whoever the patient is: the common Body Part Examined defined terms
/// of DICOM (PS3.16 Annex L; the seed vocabulary holds the 14 the launch datasets use), planes and directions, and the common words of protocols, reconstructions and sequences, folded as
/// <see cref="TextFold"/> folds them.</summary>
/// <remarks>A name part inside one of these is not the name: "Thora" is in THORAX and "Oster" in POSTERIOR whoever is
/// scanned, so the word says nothing of the patient. The name written as the whole word still matches ("Axial" drops AXIAL).
/// </remarks>
internal static class DescriptionTerms
{
    private static readonly HashSet<string> Terms = new(
        """
        abdomen abdomenpelvis abdpelvis adrenal ankle aorta arm axilla back bladder brain breast bronchus buttock calcaneus calf
        carotid cerebellum cervix cheek chest chestabdomen chestabdpelvis circleofwillis clavicle coccyx colon cornea
        coronaryartery cspine ctspine duodenum ear elbow esophagus extremity eye eyelid face femur finger foot gallbladder hand
        head headneck heart hip humerus ileum ilium iac jaw jejunum kidney knee larynx leg liver lspine lsspine lung lungs
        maxilla mediastinum mouth neck neckchest neckchestabdomen neckchestabdpelv nose orbit ovary pancreas parotid patella
        pelvis penis pharynx prostate rectum rib ribs scalp scapula sclera scrotum shoulder skull spine spleen sternum stomach
        submandibular tmj testis thigh thorax thoracic thumb thymus thyroid tibia toe tongue trachea tspine ulna ureter urethra
        uterus vagina vulva wholebody wrist zygoma abdominal pelvic cervical lumbar sacrum sacral cranial cranium sinus sinuses
        anterior posterior superior inferior lateral medial proximal distal bilateral left right axial coronal sagittal oblique
        transverse localizer localiser scout survey topogram surview contrast noncontrast precontrast postcontrast arterial
        venous portal delayed phase native diffusion perfusion spectroscopy angiography angio mammography tomosynthesis
        routine standard smooth sharp kernel recon reconstruction reformat reformatted subtraction sequence flair proton
        density weighted gradient echo spin inversion recovery fatsat stir dynamic planning primary secondary derived
        original segmentation lesion lesions tumor tumour nodule nodules mass window bone bones soft tissue mediastinal
        helical spiral volume volumetric thin thick slice slices multiphase screening diagnostic followup staging biopsy
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Whether a folded word is one of the terms.</summary>
    public static bool Contains(string word) => Terms.Contains(word);
}
