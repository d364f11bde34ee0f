namespace Graph.Api.Ide;

/// <summary>The document the IDE opens with: a cohort a data scientist might start from.</summary>
internal static class ExampleDocuments
{
    public const string IdeStart = """
        # Welcome to Cancer Imaging Graph. Press Run to try this cohort:
        # prostate patients with an MR series of slice thickness 3 mm or less.
        query ProstateMrCohort {
          catalogueStatistics { patients series catalogueVersion }
          patients(
            first: 10
            where: {
              cancerTypes: { some: { code: { eq: "prostate" } } }
              series: { some: { modality: { eq: "MR" }, sliceThickness: { lte: 3 } } }
            }
          ) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes {
              pseudonym
              ageAtDiagnosis
              datasets { nodes { title accessTier } }
              studies { nodes { year modalitiesInStudy series { totalCount } } }
            }
          }
        }
        """;
}
