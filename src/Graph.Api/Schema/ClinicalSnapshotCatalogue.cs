using Graph.Catalog;
using Graph.Domain;
using Graph.Ingest.Clinical;

namespace Graph.Api.Schema;

/// <summary>The clinical import's view of the catalogue, read from an index snapshot.</summary>
internal sealed class ClinicalSnapshotCatalogue : IClinicalCatalogue
{
    private static readonly RelationField DiagnosisType = RelationField.Find(GraphModel.Diagnosis, "cancerType")!;
    private static readonly RelationField DiagnosisConcepts = RelationField.Find(GraphModel.Diagnosis, "concepts")!;

    private readonly CatalogSnapshot _snapshot;
    private readonly List<(string Code, string? Icd10, string? Morphology)> _cancerTypes = [];
    private readonly Dictionary<(string System, string Code), string> _concepts = [];

    public ClinicalSnapshotCatalogue(CatalogSnapshot snapshot)
    {
        _snapshot = snapshot;
        foreach (var type in _snapshot.Nodes(GraphModel.CancerType))
            _cancerTypes.Add((type.Key, type["icd10"] as string, type["icdO3Morphology"] as string));
        foreach (var concept in _snapshot.Nodes(GraphModel.Concept))
        {
            if (concept["system"] is string system && concept["code"] is string code)
                _concepts[(StoreClinicalCatalogue.NormaliseSystem(system), code)] = concept.Key;
        }
    }

    public bool HasPatient(string pseudonym) => _snapshot.Find(GraphModel.Patient, pseudonym) is not null;

    public bool HasCancerType(string code) => _snapshot.Find(GraphModel.CancerType, code) is not null;

    public string? InferCancerType(string? icd10, string? morphology)
    {
        if (morphology is not null && _cancerTypes.FirstOrDefault(t => t.Morphology == morphology).Code is { } byMorphology)
            return byMorphology;
        var category = icd10?.Split('.')[0];
        return icd10 is null ? null : _cancerTypes.FirstOrDefault(t => t.Icd10 is { } code && (code == icd10 || code == category)).Code;
    }

    public string? Concept(string system, string code) => _concepts.GetValueOrDefault((StoreClinicalCatalogue.NormaliseSystem(system), code));

    public string? CancerTypeOf(string diagnosis) => Related(DiagnosisType, diagnosis).Select(n => n.Key).FirstOrDefault();

    public IReadOnlyCollection<string> CodingsOf(string diagnosis, string system)
    {
        var wanted = StoreClinicalCatalogue.NormaliseSystem(system);
        return Related(DiagnosisConcepts, diagnosis)
            .Where(c => c["system"] is string s && StoreClinicalCatalogue.NormaliseSystem(s) == wanted)
            .Select(c => c.Key).ToList();
    }

    private IEnumerable<GraphNode> Related(RelationField field, string diagnosis) =>
        _snapshot.Find(GraphModel.Diagnosis, diagnosis) is { } node
            ? _snapshot.Related(node, field)
            : [];
}
