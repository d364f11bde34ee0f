using Graph.Domain;

namespace Graph.Testing;

/// <summary>Valid nodes and relationships for tests, distinct on every call unless a key is given.</summary>
public static class Some
{
    private static int _next;

    private static int Next() => Interlocked.Increment(ref _next);

    public static NodeRecord Repository(string? slug = null) =>
        NodeRecord.Of(GraphModel.Repository, slug ?? $"repo-{Next()}", ("name", "Synthetic test repository"), ("country", "ES"), ("kind", "DICOMweb"));

    public static NodeRecord Dataset(string? slug = null) =>
        NodeRecord.Of(GraphModel.Dataset, slug ?? $"dataset-{Next()}", ("title", "Synthetic test dataset"), ("accessTier", "open"));

    public static NodeRecord Patient(string? pseudonym = null, string sex = "F", int age = 57) =>
        NodeRecord.Of(GraphModel.Patient, pseudonym ?? $"SYN-T{Next():D6}", ("sex", sex), ("ageAtDiagnosis", age));

    public static NodeRecord Study(string? uid = null, int year = 2020) =>
        NodeRecord.Of(GraphModel.Study, uid ?? $"1.2.826.0.1.3680043.10.999.1.{Next()}", ("year", year), ("modalitiesInStudy", new[] { "MR" }));

    public static NodeRecord Series(string? uid = null, string modality = "MR", double sliceThickness = 1.5) =>
        NodeRecord.Of(
            GraphModel.Series,
            uid ?? $"1.2.826.0.1.3680043.10.999.2.{Next()}",
            ("modality", modality),
            ("sliceThickness", sliceThickness),
            ("imageCount", 120),
            ("sizeBytes", 63_000_000L),
            ("contrast", false),
            ("description", "AX T2 FSE"));

    public static EdgeRecord Edge(string type, NodeRecord from, NodeRecord to) => EdgeRecord.Of(type, from.Ref, to.Ref);
}
