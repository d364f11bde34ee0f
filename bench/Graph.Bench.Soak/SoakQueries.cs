namespace Graph.Bench.Soak;

/// <summary>The query mix: what front ends and data scientists send most.</summary>
internal static class SoakQueries
{
    public const string Ids = "{ patients(first: 500) { nodes { id } } }";

    public const string Node = "query($id: ID!) { node(id: $id) { id ... on Patient { pseudonym sex ageAtDiagnosis } } }";

    public const string NestedPage = """
        query($after: String) { patients(first: 20, after: $after) { pageInfo { endCursor } nodes { pseudonym sex
          studies { nodes { studyInstanceUid year series { totalCount nodes { seriesInstanceUid modality sliceThickness imageCount } } } } } } }
        """;

    public const string Facets = """
        { series(first: 20, where: { modality: { in: ["MR", "CT"] }, bodyPart: { neq: null }, patient: { sex: { eq: "F" } } }) {
            totalCount
            facets(fields: ["modality", "bodyPart", "manufacturer", "model", "contrast", "magneticFieldStrength", "patient.vitalStatus", "patient.sex", "study.year", "datasets.slug"], limit: 20) {
              field values { value count } missing other }
            nodes { seriesInstanceUid modality } } }
        """;

    public const string CohortPreview = """
        { cohortPreview(criteria: { patients: { cancerTypes: { some: { code: { in: ["prostate", "breast"] } } }, ageAtDiagnosis: { gte: 50 } },
                                    series: { modality: { eq: "MR" }, sliceThickness: { lte: 3 } } }) {
            patients { value } studies { value } series { value } datasets { value } repositories { value } totalBytes { value } } }
        """;

    public const string Search = "query($text: String!) { search(text: $text, first: 20) { totalCount hits { score node { id } } } }";

    public static readonly string[] SearchTexts = ["glioblastoma", "t2", "prostate mri", "dce", "synthetic lung", "liver"];

    public static readonly string[] Kinds = ["node", "nested page", "facets", "cohort preview", "text search"];
}
