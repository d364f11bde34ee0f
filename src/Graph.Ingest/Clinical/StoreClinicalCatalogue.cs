using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Clinical;

/// <summary>The clinical import's view of the catalogue, read from the store in one pass.</summary>
public sealed class StoreClinicalCatalogue : IClinicalCatalogue, IChangeSink
{
    private readonly HashSet<string> _patients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Icd10, string? Morphology)> _cancerTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string System, string Code), string> _concepts = [];
    private readonly Dictionary<string, string> _systemOfCurie = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _typeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _codings = new(StringComparer.Ordinal);

    private StoreClinicalCatalogue()
    {
    }

    /// <summary>Reads the patients, cancer types, concepts and diagnosis links of a store.</summary>
    public static async Task<StoreClinicalCatalogue> LoadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var catalogue = new StoreClinicalCatalogue();
        await store.ReadAllAsync(catalogue, new ReadScope(["Patient", "CancerType", "Concept"], ["OF_TYPE", "CODED_AS"]), cancellationToken).ConfigureAwait(false);
        return catalogue;
    }

    /// <summary>A code system's name reduced to capital letters and digits (ICD-10 and ICD10 are both ICD10).</summary>
    public static string NormaliseSystem(string system) =>
        string.Concat((system ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    /// <inheritdoc />
    public bool HasPatient(string pseudonym) => _patients.Contains(pseudonym);

    /// <inheritdoc />
    public bool HasCancerType(string code) => _cancerTypes.ContainsKey(code);

    /// <inheritdoc />
    public string? InferCancerType(string? icd10, string? morphology)
    {
        if (morphology is not null)
        {
            foreach (var (code, type) in _cancerTypes)
            {
                if (type.Morphology == morphology)
                    return code;
            }
        }

        if (icd10 is null)
            return null;
        var category = icd10.Split('.')[0];
        foreach (var (code, type) in _cancerTypes)
        {
            if (type.Icd10 is { } typeCode && (typeCode == icd10 || typeCode == category))
                return code;
        }

        return null;
    }

    /// <inheritdoc />
    public string? Concept(string system, string code) => _concepts.GetValueOrDefault((NormaliseSystem(system), code));

    /// <inheritdoc />
    public string? CancerTypeOf(string diagnosis) => _typeOf.GetValueOrDefault(diagnosis);

    /// <inheritdoc />
    public IReadOnlyCollection<string> CodingsOf(string diagnosis, string system)
    {
        if (!_codings.TryGetValue(diagnosis, out var curies))
            return [];
        var wanted = NormaliseSystem(system);
        return curies.Where(c => _systemOfCurie.GetValueOrDefault(c) == wanted).ToList();
    }

    void IChangeSink.Node(StoredNode node)
    {
        if (node.Deleted)
            return;
        var record = node.Node;
        switch (record.Label)
        {
            case "Patient":
                _patients.Add(record.Key);
                break;
            case "CancerType":
                _cancerTypes[record.Key] = (record["icd10"] as string, record["icdO3Morphology"] as string);
                break;
            case "Concept" when record["system"] is string system && record["code"] is string code:
                var normalised = NormaliseSystem(system);
                _concepts[(normalised, code)] = record.Key;
                _systemOfCurie[record.Key] = normalised;
                break;
        }
    }

    void IChangeSink.Edge(StoredEdge edge)
    {
        if (edge.Deleted || edge.Edge.From.Label != GraphModel.Diagnosis.Label)
            return;
        if (edge.Edge.Type == "OF_TYPE")
            _typeOf[edge.Edge.From.Key] = edge.Edge.To.Key;
        else if (edge.Edge.Type == "CODED_AS")
            (_codings.TryGetValue(edge.Edge.From.Key, out var list) ? list : _codings[edge.Edge.From.Key] = []).Add(edge.Edge.To.Key);
    }
}
