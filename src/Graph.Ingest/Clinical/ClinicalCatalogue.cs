using Graph.Catalog;
using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Clinical;

/// <summary>The clinical import's view of the catalogue, over a snapshot: the service's current one, or the part of a store the
/// command line reads.</summary>
public sealed class ClinicalCatalogue : IClinicalCatalogue
{
    private static readonly RelationField DiagnosisType = RelationField.Find(GraphModel.Diagnosis, "cancerType")!;
    private static readonly RelationField DiagnosisConcepts = RelationField.Find(GraphModel.Diagnosis, "concepts")!;

    private readonly CatalogSnapshot _snapshot;
    private readonly List<(string Code, string? Icd10, string? Morphology)> _cancerTypes = [];
    private readonly Dictionary<(string System, string Code), string> _concepts = [];

    /// <summary>Reads the cancer types and concepts of a snapshot.</summary>
    public ClinicalCatalogue(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        foreach (var type in snapshot.Nodes(GraphModel.CancerType))
            _cancerTypes.Add((type.Key, type["icd10"] as string, type["icdO3Morphology"] as string));
        foreach (var concept in snapshot.Nodes(GraphModel.Concept))
        {
            if (concept["system"] is string system && concept["code"] is string code)
                _concepts[(NormaliseSystem(system), code)] = concept.Key;
        }
    }

    /// <summary>Reads the patients and diagnoses (their keys), the cancer types and concepts of a store, with the diagnoses' types and codings.</summary>
    public static async Task<ClinicalCatalogue> ReadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var scope = new ReadScope(["Patient", "CancerType", "Concept", "Diagnosis"], ["OF_TYPE", "CODED_AS"]) { KeysOnly = ["Patient", "Diagnosis"] };
        return new ClinicalCatalogue(await CatalogSnapshot.ReadAsync(store, scope, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A code system's name reduced to capital letters and digits (ICD-10 and ICD10 are both ICD10).</summary>
    public static string NormaliseSystem(string system) =>
        string.Concat((system ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    /// <inheritdoc />
    public bool HasPatient(string pseudonym) => _snapshot.Find(GraphModel.Patient, pseudonym) is not null;

    /// <inheritdoc />
    public bool HasCancerType(string code) => _snapshot.Find(GraphModel.CancerType, code) is not null;

    /// <inheritdoc />
    public string? InferCancerType(string? icd10, string? morphology)
    {
        if (morphology is not null && _cancerTypes.FirstOrDefault(t => t.Morphology == morphology).Code is { } byMorphology)
            return byMorphology;
        var category = icd10?.Split('.')[0];
        return icd10 is null ? null : _cancerTypes.FirstOrDefault(t => t.Icd10 is { } code && (code == icd10 || code == category)).Code;
    }

    /// <inheritdoc />
    public string? Concept(string system, string code) => _concepts.GetValueOrDefault((NormaliseSystem(system), code));

    /// <inheritdoc />
    public string? CancerTypeOf(string diagnosis) => Related(DiagnosisType, diagnosis).Select(n => n.Key).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyCollection<string> CodingsOf(string diagnosis, string system)
    {
        var wanted = NormaliseSystem(system);
        return Related(DiagnosisConcepts, diagnosis)
            .Where(c => c["system"] is string s && NormaliseSystem(s) == wanted)
            .Select(c => c.Key).ToList();
    }

    private IEnumerable<GraphNode> Related(RelationField field, string diagnosis) =>
        _snapshot.Find(GraphModel.Diagnosis, diagnosis) is { } node ? node.Related(field) : [];
}
