using System.Text;
using Graph.Domain;
using Graph.Ingest.Demo;
using Graph.Store;
using Graph.Testing;

namespace Graph.Ingest.Tests.Clinical;

/// <summary>A SQLite catalogue with the demo's cancer types, datasets and algorithms, three patients and a few ICD concepts, for the import tests.</summary>
internal sealed class ClinicalScenario : StoreScenario
{
    public static readonly string[] Pseudonyms = ["SYN-CLI-000001", "SYN-CLI-000002", "SYN-CLI-000003"];

    public static async Task<ClinicalScenario> CreateAsync()
    {
        var scenario = new ClinicalScenario();
        await scenario.Store.EnsureSchemaAsync(CancellationToken.None);
        await scenario.Writer.WriteAsync(DemoCatalogue.GenerateBatch(new DemoOptions { Patients = 10 }, 0), CancellationToken.None);
        var set = new ChangeSet { Source = "test" };
        foreach (var pseudonym in Pseudonyms)
            set.Add(Some.Patient(pseudonym));
        set.Add(Concept("ICD10:C50", "ICD-10", "C50", "Malignant neoplasm of breast"));
        set.Add(Concept("ICD10:C61", "ICD-10", "C61", "Malignant neoplasm of prostate"));
        set.Add(Concept("ICDO3:8500/3", "ICD-O-3", "8500/3", "Infiltrating duct carcinoma, NOS"));
        set.Add(Concept("ICDO3:8140/3", "ICD-O-3", "8140/3", "Adenocarcinoma, NOS"));
        await scenario.Writer.WriteAsync(set, CancellationToken.None);
        return scenario;
    }

    public string File(string name, string content)
    {
        var path = Folder.File(name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public async Task<NodeRecord?> NodeAsync(string label, string key) =>
        (await ReadAllAsync()).Nodes.FirstOrDefault(n => !n.Deleted && n.Node.Label == label && n.Node.Key == key)?.Node;

    public async Task<List<string>> TargetsAsync(string type, string label, string key) =>
        (await ReadAllAsync()).Edges.Where(e => !e.Deleted && e.Edge.Type == type && e.Edge.From.Label == label && e.Edge.From.Key == key)
            .Select(e => e.Edge.To.Key).Order(StringComparer.Ordinal).ToList();

    private static NodeRecord Concept(string curie, string system, string code, string label) =>
        NodeRecord.Of(GraphModel.Concept, curie, ("system", system), ("code", code), ("label", label));
}
