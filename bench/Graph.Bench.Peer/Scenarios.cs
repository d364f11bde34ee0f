using System.Text;
using System.Text.Json;

namespace Graph.Bench.Peer;

/// <summary>The five scenarios, written for our schema and, to give the same answers, for PostGraphile's (connection-filter
/// relation filters, pg-aggregates grouped aggregates).</summary>
internal static partial class Scenarios
{
    private static readonly (string[] Codes, int Age)[] Cohorts = [(["prostate", "breast"], 50), (["lung", "liver"], 60), (["glioblastoma", "glioma"], 40), (["colon", "rectum"], 55)];
    private static readonly string[] FacetFields = DistinctRequests.FacetFields;

    public static Scenario Lookup(IReadOnlyList<string> seriesUids) => new(
        "node lookup by key",
        seriesUids.Select(uid => Body("query($key: String!) { seriesByKey(key: $key) { seriesInstanceUid modality bodyPart manufacturer sliceThickness study { studyInstanceUid patient { pseudonym } } } }", new { key = uid })).ToArray(),
        seriesUids.Select(uid => Body("query($key: String!) { seriesBySeriesInstanceUid(seriesInstanceUid: $key) { seriesInstanceUid modality bodyPart manufacturer sliceThickness studyByStudyId { studyInstanceUid patientByPatientId { pseudonym } } } }", new { key = uid })).ToArray(),
        data => SeriesAnswer(data.GetProperty("seriesByKey"), "study", "patient"),
        data => SeriesAnswer(data.GetProperty("seriesBySeriesInstanceUid"), "studyByStudyId", "patientByPatientId"));

    /// <summary>The least request there is, the same on both sides: what each server and this machine's shared cores answer at
    /// most, whatever the query (HTTP, the GraphQL layer's parsing and execution, and the load generator).</summary>
    public static Scenario Empty() => new(
        "empty query ({ __typename })",
        [Body("{ __typename }", null)],
        [Body("{ __typename }", null)],
        TypeName,
        TypeName);

    // Whether the root type's name came back (the two schemas may name it differently).
    private static string TypeName(JsonElement data) => data.TryGetProperty("__typename", out var name) && name.ValueKind == JsonValueKind.String ? "a type name" : "none";

    public const string OursPage = """
        query($after: String) { patients(first: 20, after: $after) { pageInfo { endCursor } nodes { pseudonym sex ageAtDiagnosis
          studies { nodes { studyInstanceUid year series { nodes { seriesInstanceUid modality bodyPart sliceThickness } } } } } } }
        """;

    public const string PeerPage = """
        query($after: Cursor) { allPatients(first: 20, after: $after) { pageInfo { endCursor } nodes { pseudonym sex ageAtDiagnosis
          studiesByPatientId { nodes { studyInstanceUid year seriesByStudyId { nodes { seriesInstanceUid modality bodyPart sliceThickness } } } } } } }
        """;

    /// <summary>Pages of 20 patients with their studies and series; the cursors are the end cursors of the pages before, walked once on each side.</summary>
    public static Scenario NestedPage(IReadOnlyList<string?> oursCursors, IReadOnlyList<string?> peerCursors) => new(
        "nested page (20 patients > studies > series)",
        oursCursors.Select(c => Body(OursPage, new { after = c })).ToArray(),
        peerCursors.Select(c => Body(PeerPage, new { after = c })).ToArray(),
        data => PageAnswer(data.GetProperty("patients"), "studies", "series"),
        data => PageAnswer(data.GetProperty("allPatients"), "studiesByPatientId", "seriesByStudyId"));

    /// <summary>Counts per value of 5 series fields under 3 filters (one through study to patient), each facet leaving out its own
    /// filter (multi-select), with missing values counted; and the first 20 series.</summary>
    public static Scenario Facets() => new(
        "facets (5 fields, 3 filters, 1 via relationship)",
        new[] { "F", "M" }.Select(sex => Body($$"""
            { series(first: 20, where: { modality: { in: ["MR", "CT"] }, bodyPart: { neq: null }, patient: { sex: { eq: "{{sex}}" } } }) {
              totalCount facets(fields: ["modality", "bodyPart", "manufacturer", "model", "contrast"], limit: 100) { field values { value count } missing other }
              nodes { seriesInstanceUid modality } } }
            """, null)).ToArray(),
        new[] { "F", "M" }.Select(sex => Body(PeerFacets(sex), null)).ToArray(),
        OursFacetAnswer,
        PeerFacetAnswer);

    /// <summary>A cohort through two relationships each way: patients by cancer type (patient > diagnosis > cancer type) and age,
    /// series by modality and slice thickness (patient > study > series); counts of patients, studies, series and bytes.</summary>
    public static Scenario Cohort() => new(
        "cohort count (2 relationships each way)",
        Cohorts.Select(c => Body($$"""
            { cohortPreview(criteria: { patients: { cancerTypes: { some: { code: { in: [{{Quoted(c.Codes)}}] } } }, ageAtDiagnosis: { gte: {{c.Age}} } },
                                        series: { modality: { eq: "MR" }, sliceThickness: { lte: 3 } } }) { patients { value } studies { value } series { value } totalBytes { value } } }
            """, null)).ToArray(),
        Cohorts.Select(c => Body(PeerCohort(c.Codes, c.Age), null)).ToArray(),
        OursCohortAnswer,
        PeerCohortAnswer);

    /// <summary>One word searched in the names, titles and descriptions of every searchable kind (the words cycled).</summary>
    public static Scenario Search(IReadOnlyList<string> words) => new(
        "text search (one word, all kinds)",
        words.Select(w => Body("query($text: String!) { search(text: $text, first: 20) { totalCount hits { score node { id } } } }", new { text = w })).ToArray(),
        words.Select(w => PeerSearchBody(null, w)).ToArray(),
        OursSearchAnswer,
        PeerSearchAnswer);

    /// <summary>Lookups of distinct series (each key once).</summary>
    public static Scenario DistinctLookup(IReadOnlyList<string> seriesUids, int warmUp)
    {
        var repeated = Lookup(seriesUids);
        return repeated with { Name = "node lookup by key", WarmUp = warmUp, Describe = i => $"series {seriesUids[i]}" };
    }

    /// <summary>First pages of patients under distinct filters (age range, sex, cancer type) and page sizes, with their studies and series.</summary>
    public static Scenario DistinctPages(IReadOnlyList<PageRequest> requests, int warmUp) => new(
        "nested page (patients > studies > series)",
        requests.Select(r => Body(r.Ours(), null)).ToArray(),
        requests.Select(r => Body(PeerPageOf(r), null)).ToArray(),
        data => PageAnswer(data.GetProperty("patients"), "studies", "series"),
        data => PageAnswer(data.GetProperty("allPatients"), "studiesByPatientId", "seriesByStudyId"),
        warmUp,
        i => requests[i].ToString());

    /// <summary>Facets of 5 series fields under distinct filters: modalities, body parts, and the patient's age range, sex and datasets (through study and patient).</summary>
    public static Scenario DistinctFacets(IReadOnlyList<FacetRequest> requests, int warmUp) => new(
        "facets (5 fields, 3-5 filters, via relationships)",
        requests.Select(r => Body(r.Ours(DistinctRequests.FacetFields, 100), null)).ToArray(),
        requests.Select(r => Body(PeerFacets(r), null)).ToArray(),
        OursFacetAnswer,
        PeerFacetAnswer,
        warmUp,
        i => requests[i].ToString());

    /// <summary>Cohort counts under distinct criteria: cancer types, age range and sex of patients; modalities and slice thickness of series.</summary>
    public static Scenario DistinctCohorts(IReadOnlyList<CohortRequest> requests, int warmUp) => new(
        "cohort count (2 relationships each way)",
        requests.Select(r => Body(r.Ours(), null)).ToArray(),
        requests.Select(r => Body(PeerCohort(r), null)).ToArray(),
        OursCohortAnswer,
        PeerCohortAnswer,
        warmUp,
        i => requests[i].ToString());

    /// <summary>Distinct pairs of a word and the kinds searched.</summary>
    public static Scenario DistinctSearches(IReadOnlyList<SearchRequest> requests, int warmUp) => DistinctSearches("text search (one word, all kinds or some)", requests, warmUp);

    /// <summary>Distinct searches for two words of one text, in kinds of single texts.</summary>
    public static Scenario DistinctWordPairs(IReadOnlyList<SearchRequest> requests, int warmUp) => DistinctSearches("text search (two words of one text, some kinds)", requests, warmUp);

    private static Scenario DistinctSearches(string name, IReadOnlyList<SearchRequest> requests, int warmUp)
    {
        // Plans of a search in the most kinds the stream searches (series and study descriptions are where the rows are).
        static int Width(SearchRequest r) => r.Kinds?.Length ?? int.MaxValue;
        var widest = requests.Skip(warmUp).Select(Width).DefaultIfEmpty(0).Max();
        return new(
            name,
            requests.Select(r => Body("query($text: String!, $kinds: [String!]) { search(text: $text, kinds: $kinds, first: 20) { totalCount hits { score node { id } } } }", new { text = r.Word, kinds = r.Kinds })).ToArray(),
            requests.Select(r => PeerSearchBody(r.Kinds, r.Word)).ToArray(),
            OursSearchAnswer,
            PeerSearchAnswer,
            warmUp,
            i => requests[i].ToString(),
            Enumerable.Range(warmUp, requests.Count - warmUp).FirstOrDefault(i => Width(requests[i]) == widest, warmUp));
    }

    /// <summary>The texts our search looks in, as kind|text, to choose words both sides match alike.</summary>
    public const string SearchedTextsSql = """
        SELECT 'CancerType', name FROM cancer_type UNION ALL SELECT 'Dataset', title FROM dataset UNION ALL SELECT 'Dataset', description FROM dataset
        UNION ALL SELECT 'Repository', name FROM repository UNION ALL SELECT 'Concept', label FROM concept UNION ALL SELECT 'Concept', unnest(synonyms) FROM concept
        UNION ALL SELECT 'Concept', code FROM concept UNION ALL SELECT 'Algorithm', name FROM algorithm
        UNION ALL (SELECT DISTINCT 'Study', description FROM study WHERE description IS NOT NULL) UNION ALL (SELECT DISTINCT 'Series', description FROM series WHERE description IS NOT NULL)
        """;

    /// <summary>Every name of every concept (label, synonyms, code): a text equal to one also finds the concept's other names on our side.</summary>
    public const string ConceptNamesSql = "SELECT label FROM concept UNION ALL SELECT unnest(synonyms) FROM concept UNION ALL SELECT code FROM concept";

    public static byte[] Body(string query, object? variables) => JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    private static string PeerFacets(string sex)
    {
        var filters = new Dictionary<string, string>
        {
            ["modality"] = """modality: { in: ["MR", "CT"] }""",
            ["bodyPart"] = "bodyPart: { isNull: false }",
        };
        return PeerFacets(filters, $$"""studyByStudyId: { patientByPatientId: { sex: { equalTo: "{{sex}}" } } }""", 20);
    }

    private static string PeerFacets(FacetRequest request)
    {
        var filters = new Dictionary<string, string>
        {
            ["modality"] = $"modality: {{ in: [{Quoted(request.Modalities)}] }}",
            ["bodyPart"] = request.BodyParts is null ? "bodyPart: { isNull: false }" : $"bodyPart: {{ in: [{Quoted(request.BodyParts)}] }}",
        };
        var patient = new List<string> { $"ageAtDiagnosis: {{ greaterThanOrEqualTo: {request.AgeFrom}, lessThan: {request.AgeTo} }}" };
        if (request.Sex is not null)
            patient.Add($"sex: {{ equalTo: \"{request.Sex}\" }}");
        if (request.Datasets is not null)
            patient.Add($"datasetIncludesPatientsByPatientId: {{ some: {{ datasetByDatasetId: {{ slug: {{ in: [{Quoted(request.Datasets)}] }} }} }} }}");
        return PeerFacets(filters, $"studyByStudyId: {{ patientByPatientId: {{ {string.Join(", ", patient)} }} }}", request.First);
    }

    private static string PeerFacets(Dictionary<string, string> filters, string patient, int first)
    {
        var text = new StringBuilder("{\n");
        text.Append($"  page: allSeries(first: {first}, filter: {{ {string.Join(", ", filters.Values)}, {patient} }}) {{ totalCount nodes {{ seriesInstanceUid modality }} }}\n");
        foreach (var field in FacetFields)
        {
            // Multi-select facets: a field's own filter is left out of its own counts. Grouping cannot return a NULL key here, so missing values are counted apart.
            var others = string.Join(", ", filters.Where(f => f.Key != field).Select(f => f.Value).Append(patient));
            var group = string.Concat(field.Select(c => char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
            text.Append($"  {field}: allSeries(filter: {{ {others}, {field}: {{ isNull: false }} }}) {{ groupedAggregates(groupBy: {group}) {{ keys distinctCount {{ id }} }} }}\n");
            text.Append($"  {field}Missing: allSeries(filter: {{ {others}, {field}: {{ isNull: true }} }}) {{ totalCount }}\n");
        }

        return text.Append('}').ToString();
    }

    private static string PeerCohort(CohortRequest r)
    {
        var patient = $"ageAtDiagnosis: {{ greaterThanOrEqualTo: {r.AgeFrom}, lessThan: {r.AgeTo} }}, " +
            (r.Sex is null ? "" : $"sex: {{ equalTo: \"{r.Sex}\" }}, ") +
            $"diagnosesByPatientId: {{ some: {{ cancerTypeByCancerTypeId: {{ code: {{ in: [{Quoted(r.CancerTypes)}] }} }} }} }}";
        return PeerCohort(patient, $"modality: {{ in: [{Quoted(r.Modalities)}] }}, sliceThickness: {{ lessThanOrEqualTo: {r.Thickness} }}");
    }

    private static string PeerPageOf(PageRequest r)
    {
        var filter = new List<string> { $"ageAtDiagnosis: {{ greaterThanOrEqualTo: {r.AgeFrom}, lessThan: {r.AgeTo} }}" };
        if (r.Sex is not null)
            filter.Add($"sex: {{ equalTo: \"{r.Sex}\" }}");
        if (r.CancerType is not null)
            filter.Add($"diagnosesByPatientId: {{ some: {{ cancerTypeByCancerTypeId: {{ code: {{ equalTo: \"{r.CancerType}\" }} }} }} }}");
        return $$"""
            { allPatients(first: {{r.First}}, filter: { {{string.Join(", ", filter)}} }) { nodes { pseudonym sex ageAtDiagnosis
              studiesByPatientId { nodes { studyInstanceUid year seriesByStudyId { nodes { seriesInstanceUid modality bodyPart sliceThickness } } } } } } }
            """;
    }

    // One aliased connection per searched kind and the fields it searches, as our search covers them: concepts by label,
    // synonyms (a computed column the benchmark adds, since connection-filter has no substring operator on arrays) and code.
    private static readonly (string Kind, string Connection, string[] Fields, string Selection)[] SearchAliases =
    [
        ("CancerType", "cancerTypes: allCancerTypes(", ["name"], "totalCount"),
        ("Dataset", "datasets: allDatasets(", ["title", "description"], "totalCount"),
        ("Repository", "repositories: allRepositories(", ["name"], "totalCount"),
        ("Concept", "concepts: allConcepts(", ["label", "synonymsText", "code"], "totalCount"),
        ("Algorithm", "algorithms: allAlgorithms(", ["name"], "totalCount"),
        ("Study", "studies: allStudies(first: 20, ", ["description"], "totalCount nodes { studyInstanceUid }"),
        ("Series", "series: allSeries(first: 20, ", ["description"], "totalCount nodes { seriesInstanceUid }"),
    ];

    // Every word in one field, as ours matches every word of the text within one text (a row matches if one of its fields does).
    private static string PeerSearch(string[]? kinds, int words)
    {
        var variables = Enumerable.Range(0, words).Select(i => $"$w{i}").ToArray();
        string InField(string field) => words == 1
            ? $"{{ {field}: {{ includesInsensitive: $w0 }} }}"
            : $"{{ and: [{string.Join(", ", variables.Select(v => $"{{ {field}: {{ includesInsensitive: {v} }} }}"))}] }}";
        var aliases = SearchAliases.Where(a => kinds is null || kinds.Contains(a.Kind)).Select(a =>
        {
            var filter = a.Fields.Length == 1 ? InField(a.Fields[0]) : $"{{ or: [{string.Join(", ", a.Fields.Select(InField))}] }}";
            return $"{a.Connection}filter: {filter}) {{ {a.Selection} }}";
        });
        return $"query({string.Join(", ", variables.Select(v => $"{v}: String!"))}) {{\n  {string.Join("\n  ", aliases)} }}";
    }

    // The peer's request for a text of one or more words ($w0, $w1, ...).
    private static byte[] PeerSearchBody(string[]? kinds, string text)
    {
        var words = text.Split(' ');
        return Body(PeerSearch(kinds, words.Length), words.Select((word, i) => (word, i)).ToDictionary(w => $"w{w.i}", w => w.word));
    }
}
