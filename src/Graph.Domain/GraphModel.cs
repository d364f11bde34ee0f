using static Graph.Domain.ModelFields;

namespace Graph.Domain;

/// <summary>Every node kind and relationship kind of the Cancer Imaging Graph.</summary>
public static class GraphModel
{
    /// <summary>Access tiers of a dataset.</summary>
    public static readonly string[] AccessTiers = ["open", "registered", "restricted"];

    /// <summary>A data holder in the federation.</summary>
    public static readonly NodeKind Repository = new(
        "Repository", "slug", "A short lowercase name that identifies the repository.", "repositories",
        "A data holder of the federation: a hospital, archive or project that publishes imaging metadata.",
        [
            S("name", "Display name.", maxLength: 200) with { Required = true },
            S("country", "ISO 3166-1 alpha-2 country code of the holder.", facet: true, maxLength: 2),
            S("institution", "The institution that runs the repository.", facet: true, maxLength: 300),
            E("kind", "The kind of repository software.", "DICOMweb", "XNAT", "Orthanc", "Files", "Other"),
            S("baseUrl", "Base URL of the repository's public endpoint (DICOMweb root for DICOMweb repositories).", maxLength: 2048),
            S("contact", "A contact address for access requests.", maxLength: 300),
            S("description", "What the repository holds.", maxLength: 4000),
            S("viewerUrlTemplate", "The web viewer link of a study or series (OHIF, Slim or the repository's own): an absolute http(s) URL with the placeholders " +
                "{baseUrl}, {studyInstanceUid} and {seriesInstanceUid} (empty in a study's link).", maxLength: 2048),
        ]);

    /// <summary>A collection published by a repository.</summary>
    public static readonly NodeKind Dataset = new(
        "Dataset", "slug", "A short lowercase name that identifies the dataset.", "datasets",
        "A collection of imaging studies published by a repository under one licence and access tier.",
        [
            S("title", "Title.", maxLength: 300) with { Required = true },
            S("description", "What the dataset contains and how it was collected.", maxLength: 8000),
            S("project", "The project that produced the dataset.", facet: true, maxLength: 200),
            S("licence", "The licence under which the dataset is shared (SPDX identifier or name).", facet: true, maxLength: 200),
            E("accessTier", "Who may see patient-level records: open, registered or restricted.", AccessTiers),
            S("doi", "Digital object identifier.", maxLength: 300),
            S("version", "The dataset version.", maxLength: 50),
        ]);

    /// <summary>A pseudonymous person.</summary>
    public static readonly NodeKind Patient = new(
        "Patient", "pseudonym", "A pseudonymous id; never a real identifier.", "patients",
        "A person in the catalogue, known only by a pseudonym.",
        [
            E("sex", "Sex as recorded: F, M, O (other) or U (unknown).", "F", "M", "O", "U"),
            I("ageAtDiagnosis", "Age in whole years at the first diagnosis.", 0, 120) with { IsFacet = true },
            E("vitalStatus", "Vital status when known.", "alive", "deceased", "unknown"),
            new("identityKnown", ValueKind.Bool, "False for the patient of a study whose DICOM PatientID is empty (one such patient per study, never merged); true when a PatientID identified the patient; absent when the source does not say.") { IsFacet = true },
        ]);

    /// <summary>A cancer diagnosis of a patient.</summary>
    public static readonly NodeKind Diagnosis = new(
        "Diagnosis", "diagnosisId", "The patient pseudonym and a diagnosis number (pseudonym/1).", "diagnoses",
        "A cancer diagnosis with its codes, stage, grade and markers.",
        [
            S("icd10", "ICD-10 code of the topography (C50.9, C61, ...).", facet: true, maxLength: 16) with { CodeSystem = "ICD10" },
            S("icdO3Morphology", "ICD-O-3 morphology code (8500/3, 9440/3, ...).", facet: true, maxLength: 16) with { CodeSystem = "ICDO3" },
            S("stage", "Overall stage group (0, I, IIA, IV, ...).", facet: true, maxLength: 16),
            S("tnmT", "TNM T category.", facet: true, maxLength: 8),
            S("tnmN", "TNM N category.", facet: true, maxLength: 8),
            S("tnmM", "TNM M category.", facet: true, maxLength: 8),
            S("grade", "Histological grade (G1-G4, WHO grade for gliomas).", facet: true, maxLength: 16),
            E("er", "Oestrogen receptor status.", "positive", "negative", "unknown"),
            E("pr", "Progesterone receptor status.", "positive", "negative", "unknown"),
            E("her2", "HER2 status.", "positive", "negative", "equivocal", "unknown"),
            F("psa", "Prostate-specific antigen at diagnosis, ng/mL.", 0, 10000),
            I("gleasonScore", "Gleason score (6-10).", 2, 10) with { IsFacet = true },
            F("ki67", "Ki-67 proliferation index, percent.", 0, 100),
            I("ageAtDiagnosis", "Age in whole years at this diagnosis.", 0, 120),
            I("year", "Year of diagnosis.", 1900, 2100),
        ]);

    /// <summary>An imaging study.</summary>
    public static readonly NodeKind Study = new(
        "Study", "studyInstanceUid", "The DICOM Study Instance UID.", "studies",
        "An imaging study: one visit's acquisitions of one patient.",
        [
            S("description", "Study description.", maxLength: 300),
            I("year", "Year of the study (dates keep the year only).", 1900, 2100) with { IsFacet = true },
            I("patientAge", "Patient age in whole years at the study.", 0, 130),
            new("modalitiesInStudy", ValueKind.StringList, "The modalities of the study's series.") { IsFacet = true, MaxLength = 16 },
            E("status", "active, or withdrawn when the source no longer publishes it.", "active", "withdrawn"),
        ]);

    /// <summary>An image series.</summary>
    public static readonly NodeKind Series = new(
        "Series", "seriesInstanceUid", "The DICOM Series Instance UID.", "series",
        "An image series: one acquisition of one modality.",
        [
            S("modality", "DICOM modality (CT, MR, PT, MG, US, ...).", facet: true, maxLength: 16) with { Required = true, CodeSystem = "DCM" },
            S("bodyPart", "DICOM Body Part Examined (BREAST, CHEST, PROSTATE, ...).", facet: true, maxLength: 64) with { CodeSystem = "DCMBP" },
            S("manufacturer", "Equipment manufacturer.", facet: true, maxLength: 128),
            S("model", "Manufacturer's model name.", facet: true, maxLength: 128),
            S("description", "Series description.", maxLength: 300),
            I("seriesNumber", "Series number within the study.", 0, int.MaxValue),
            F("sliceThickness", "Slice thickness in mm.", 0, 1000),
            F("pixelSpacing", "In-plane pixel spacing in mm (row spacing).", 0, 1000),
            I("imageCount", "Number of images (instances) in the series.", 0, 1_000_000),
            new("sizeBytes", ValueKind.Long, "Size of the series' files in bytes.") { Min = 0, Max = 1e15 },
            new("contrast", ValueKind.Bool, "Whether a contrast agent was given.") { IsFacet = true },
            F("magneticFieldStrength", "MR field strength in tesla.", 0, 20) with { IsFacet = true },
            F("kvp", "X-ray tube peak voltage in kV.", 0, 1000),
            I("year", "Year of acquisition.", 1900, 2100),
        ]);

    /// <summary>One of the cancer types of the catalogue.</summary>
    public static readonly NodeKind CancerType = new(
        "CancerType", "code", "A short lowercase code (breast, lung, glioblastoma, ...).", "cancerTypes",
        "A cancer type of the catalogue with its classification codes.",
        [
            S("name", "Display name.", maxLength: 100) with { Required = true },
            S("icd10", "ICD-10 code.", maxLength: 16) with { CodeSystem = "ICD10" },
            S("icdO3Morphology", "ICD-O-3 morphology code, where the type is defined by morphology.", maxLength: 16) with { CodeSystem = "ICDO3" },
            S("description", "What the type covers.", maxLength: 2000),
        ]);

    /// <summary>An ontology term.</summary>
    public static readonly NodeKind Concept = new(
        "Concept", "curie", "The system prefix and the code (SCTID:254837009, ICD10:C50, NCIT:C4872).", "concepts",
        "A term of an ontology or code system.",
        [
            S("system", "The code system (SNOMED CT, ICD-10, ICD-O-3, NCIt, RadLex, UBERON, DICOM).", facet: true, maxLength: 64) with { Required = true },
            S("code", "The code within its system.", maxLength: 64) with { Required = true },
            S("label", "The preferred label.", maxLength: 500),
            new("synonyms", ValueKind.StringList, "Other labels.") { MaxLength = 500 },
            S("iri", "The full IRI of the concept (the CURIE expanded with its prefix's base IRI).", maxLength: 2048),
            S("writtenBy", "The caller that created the concept through the API (key:ID for an API key, a token's subject); none for the seed and the graph command.", maxLength: 200)
                with { Internal = true },
        ]);

    /// <summary>An AI model built on the catalogue.</summary>
    public static readonly NodeKind Algorithm = new(
        "Algorithm", "slug", "A short lowercase name that identifies the algorithm and version.", "algorithms",
        "An AI model built on datasets of the catalogue.",
        [
            S("name", "Display name.", maxLength: 200) with { Required = true },
            S("task", "What it does (segmentation, classification, detection, ...).", facet: true, maxLength: 100),
            S("version", "The version.", maxLength: 50),
            S("metrics", "Reported performance, as JSON text.", maxLength: 4000),
            S("licence", "Licence.", facet: true, maxLength: 200),
            S("url", "Where to find it.", maxLength: 2048),
        ]);

    /// <summary>Saved search criteria and their members.</summary>
    public static readonly NodeKind Cohort = new(
        "Cohort", "cohortId", "An id given when the cohort is saved.", "cohorts",
        "Saved criteria, the catalogue version they ran on, and the patients they selected.",
        [
            S("name", "Display name.", maxLength: 200) with { Required = true },
            S("description", "Why the cohort was made.", maxLength: 4000),
            S("criteria", "The criteria, as JSON text.", maxLength: 65536),
            new("catalogueVersion", ValueKind.Long, "The catalogue change sequence the cohort ran on.") { Min = 0 },
            S("createdAt", "When it was saved (UTC, ISO 8601).", maxLength: 40),
            S("owner", "Who saved it.", maxLength: 200),
            S("access", "The access its owner had when it was saved ('all', or the readable tiers and granted datasets): its members and drift are computed in it.", maxLength: 8000),
            I("version", "The version: 1 when saved, one more each time its criteria are evaluated again (reviseCohort). Members and series are frozen per version.", 1, int.MaxValue),
            S("lineage", "The id of the cohort's first version, shared by every version.", maxLength: 200),
            E("visibility", "Who may read it: PRIVATE (its owner), SHARED (its owner and the callers in sharedWith) or PUBLIC (everyone). Curators and admins read every cohort.", "PRIVATE", "SHARED", "PUBLIC"),
            new("sharedWith", ValueKind.StringList, "The callers (as owner names them: key:ID for an API key, the subject of a token) a SHARED cohort is shared with.") { MaxLength = 200 },
        ]);

    /// <summary>A segmentation or structured report that refers to series.</summary>
    public static readonly NodeKind Annotation = new(
        "Annotation", "annotationId", "The SOP Instance UID of the annotation object, or an id given by its source.", "annotations",
        "A segmentation or structured report that refers to series.",
        [
            E("kind", "segmentation (a DICOM SEG or RT structure set), structured-report or measurement.", "segmentation", "structured-report", "measurement"),
            S("label", "What is annotated (tumour, organ, ...): a SEG's segment labels or an RT structure set's ROI names, joined by \"; \".", facet: true, maxLength: 1000),
            S("author", "Who or what made it (reader, algorithm).", maxLength: 200),
            S("description", "Free text.", maxLength: 2000),
            new("codes", ValueKind.StringList, "The concepts of what is annotated, as CURIEs (a SEG's segmented property types: SCTID:10200004 for the liver); the annotation is CODED_AS those the catalogue holds.")
            {
                IsFacet = true, MaxLength = 200, HoldsCuries = true,
            },
        ]);

    /// <summary>One run of harvesting a repository over DICOMweb.</summary>
    public static readonly NodeKind HarvestRun = new(
        "HarvestRun", "runId", "An id given when the run starts (repository slug and start time).", "harvestRuns",
        "One run of harvesting a repository's metadata over DICOMweb: when, how it ended and what it did.",
        [
            S("startedAt", "When the run started (UTC, ISO 8601).", maxLength: 40) with { Required = true },
            S("finishedAt", "When the run ended (UTC, ISO 8601).", maxLength: 40),
            E("status", "running, succeeded, partial (some studies failed) or failed.", "running", "succeeded", "partial", "failed"),
            I("studiesSeen", "Studies the repository listed.", 0, int.MaxValue),
            I("studiesWritten", "Studies new or changed, written to the graph.", 0, int.MaxValue),
            I("studiesWithdrawn", "Studies no longer listed, marked withdrawn.", 0, int.MaxValue),
            I("errors", "Studies that could not be harvested.", 0, int.MaxValue),
            S("message", "Why the run failed or what went wrong, without credentials.", maxLength: 4000),
        ]);

    /// <summary>Every node kind.</summary>
    public static readonly IReadOnlyList<NodeKind> NodeKinds =
        [Repository, Dataset, Patient, Diagnosis, Study, Series, CancerType, Concept, Algorithm, Cohort, Annotation, HarvestRun];

    /// <summary>Every relationship kind.</summary>
    public static readonly IReadOnlyList<RelationKind> Relations =
    [
        R("HOSTS", Repository, Dataset, "datasets", false, "repository", true, "A repository hosts a dataset."),
        R("INCLUDES", Dataset, Patient, "patients", false, "datasets", false, "A dataset includes a patient."),
        R("HAS_STUDY", Patient, Study, "studies", false, "patient", true, "A patient has a study."),
        R("HAS_SERIES", Study, Series, "series", false, "study", true, "A study has a series."),
        R("HAS_DIAGNOSIS", Patient, Diagnosis, "diagnoses", false, "patient", true, "A patient has a diagnosis."),
        R("OF_TYPE", Diagnosis, CancerType, "cancerType", true, "diagnoses", false, "A diagnosis is of a cancer type."),
        R("COVERS", Dataset, CancerType, "cancerTypes", false, "datasets", false, "A dataset covers a cancer type."),
        R("CODED_AS", CancerType, Concept, "concepts", false, "cancerTypes", false, "A cancer type is coded as a concept."),
        R("CODED_AS", Series, Concept, "concepts", false, "series", false, "A series is coded as the concepts of its modality and body part (derived from those fields).")
            with { FromCodedFields = true },
        R("CODED_AS", Diagnosis, Concept, "concepts", false, "diagnoses", false, "A diagnosis is coded as a concept."),
        R("CODED_AS", Annotation, Concept, "concepts", false, "annotations", false, "An annotation is coded as the concepts of what it annotates (derived from its codes).")
            with { FromCodedFields = true },
        R("BROADER", Concept, Concept, "broader", false, "narrower", false, "A concept has a broader concept."),
        R("MAPS_TO", Concept, Concept, "mappings", false, "mappedFrom", false, "A concept maps to a concept of another system.") with { Properties = MappingProperties.All },
        R("TRAINED_ON", Algorithm, Dataset, "trainingDatasets", false, "algorithms", false, "An algorithm was trained on a dataset."),
        R("TARGETS", Algorithm, CancerType, "cancerTypes", false, "algorithms", false, "An algorithm targets a cancer type."),
        R("ANNOTATES", Annotation, Series, "series", false, "annotations", false, "An annotation refers to a series."),
        R("SELECTS", Cohort, Patient, "patients", false, "cohorts", false, "A cohort selects a patient."),
        R("SELECTS", Cohort, Series, "series", false, "cohorts", false, "A cohort version selects a series (frozen when the version is saved)."),
        R("HARVESTED", Repository, HarvestRun, "harvestRuns", false, "repository", true, "A repository was harvested in a run."),
    ];

    private static RelationKind Rel(string type, NodeKind from) => Relations.Single(r => r.Type == type && r.From == from);

    private static DerivedRelation D(NodeKind owner, string field, bool single, string description, params (string Type, NodeKind From, bool Forward)[] steps) =>
        new(owner, field, steps.Select(s => new RelationStep(Rel(s.Type, s.From), s.Forward)).ToArray(), single, description);

    /// <summary>Fields that follow a path of relationships.</summary>
    public static readonly IReadOnlyList<DerivedRelation> DerivedRelations =
    [
        D(CancerType, "patients", false, "Patients with a diagnosis of this type.", ("OF_TYPE", Diagnosis, false), ("HAS_DIAGNOSIS", Patient, false)),
        D(Patient, "cancerTypes", false, "Cancer types of the patient's diagnoses.", ("HAS_DIAGNOSIS", Patient, true), ("OF_TYPE", Diagnosis, true)),
        D(Patient, "series", false, "Series of all the patient's studies.", ("HAS_STUDY", Patient, true), ("HAS_SERIES", Study, true)),
        D(Series, "patient", true, "The patient of the series' study.", ("HAS_SERIES", Study, false), ("HAS_STUDY", Patient, false)),
        D(Dataset, "studies", false, "Studies of the dataset's patients.", ("INCLUDES", Dataset, true), ("HAS_STUDY", Patient, true)),
        D(Dataset, "series", false, "Series of the dataset's patients.", ("INCLUDES", Dataset, true), ("HAS_STUDY", Patient, true), ("HAS_SERIES", Study, true)),
        D(Study, "datasets", false, "Datasets that include the study's patient.", ("HAS_STUDY", Patient, false), ("INCLUDES", Dataset, false)),
        D(Series, "datasets", false, "Datasets that include the series' patient.", ("HAS_SERIES", Study, false), ("HAS_STUDY", Patient, false), ("INCLUDES", Dataset, false)),
        D(Repository, "patients", false, "Patients of the repository's datasets.", ("HOSTS", Repository, true), ("INCLUDES", Dataset, true)),
        D(Patient, "repositories", false, "Repositories that hold the patient.", ("INCLUDES", Dataset, false), ("HOSTS", Repository, false)),
    ];

    private static readonly Dictionary<string, NodeKind> ByLabel = NodeKinds.ToDictionary(k => k.Label, StringComparer.Ordinal);
    private static readonly Dictionary<string, RelationKind> ById = Relations.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Finds a node kind by label.</summary>
    public static NodeKind? Kind(string label) => ByLabel.GetValueOrDefault(label);

    /// <summary>Finds a relationship kind by type and the labels it joins.</summary>
    public static RelationKind? Relation(string type, string fromLabel, string toLabel) =>
        ById.GetValueOrDefault($"{fromLabel}-{type}->{toLabel}");
}
