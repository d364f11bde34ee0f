using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Graph.Bench.Peer;

/// <summary>The five scenarios, written for our schema and, to give the same answers, for PostGraphile's (connection-filter
/// relation filters, pg-aggregates grouped aggregates).</summary>
internal static class Scenarios
{
    public static readonly string[] SearchWords = ["glioblastoma", "prostate", "liver", "lung", "breast", "dce", "t2", "contrast", "brain", "flair"];

    private static readonly (string[] Codes, int Age)[] Cohorts = [(["prostate", "breast"], 50), (["lung", "liver"], 60), (["glioblastoma", "glioma"], 40), (["colon", "rectum"], 55)];
    private static readonly string[] FacetFields = ["modality", "bodyPart", "manufacturer", "model", "contrast"];

    public static Scenario Lookup(IReadOnlyList<string> seriesUids) => new(
        "node lookup by key",
        seriesUids.Select(uid => Body("query($key: String!) { seriesByKey(key: $key) { seriesInstanceUid modality bodyPart manufacturer sliceThickness study { studyInstanceUid patient { pseudonym } } } }", new { key = uid })).ToArray(),
        seriesUids.Select(uid => Body("query($key: String!) { seriesBySeriesInstanceUid(seriesInstanceUid: $key) { seriesInstanceUid modality bodyPart manufacturer sliceThickness studyByStudyId { studyInstanceUid patientByPatientId { pseudonym } } } }", new { key = uid })).ToArray(),
        data => SeriesAnswer(data.GetProperty("seriesByKey"), "study", "patient"),
        data => SeriesAnswer(data.GetProperty("seriesBySeriesInstanceUid"), "studyByStudyId", "patientByPatientId"));

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
        data =>
        {
            var c = data.GetProperty("cohortPreview");
            return $"patients {Value(c, "patients")}, studies {Value(c, "studies")}, series {Value(c, "series")}, bytes {Value(c, "totalBytes")}";
        },
        data => $"patients {Total(data, "patients")}, studies {Total(data, "studies")}, series {Total(data, "series")}, " +
            $"bytes {data.GetProperty("series").GetProperty("aggregates").GetProperty("sum").GetProperty("sizeBytes").ToString()}");

    /// <summary>One word searched in the names, titles and descriptions of every searchable kind.</summary>
    public static Scenario Search() => new(
        "text search (one word, all kinds)",
        SearchWords.Select(w => Body("query($text: String!) { search(text: $text, first: 20) { totalCount hits { score node { id } } } }", new { text = w })).ToArray(),
        SearchWords.Select(w => Body("""
            query($text: String!) {
              cancerTypes: allCancerTypes(filter: { name: { includesInsensitive: $text } }) { totalCount nodes { code } }
              datasets: allDatasets(filter: { or: [{ title: { includesInsensitive: $text } }, { description: { includesInsensitive: $text } }] }) { totalCount nodes { slug } }
              repositories: allRepositories(filter: { name: { includesInsensitive: $text } }) { totalCount nodes { slug } }
              concepts: allConcepts(filter: { label: { includesInsensitive: $text } }) { totalCount nodes { curie } }
              algorithms: allAlgorithms(filter: { name: { includesInsensitive: $text } }) { totalCount nodes { slug } }
              studies: allStudies(first: 20, filter: { description: { includesInsensitive: $text } }) { totalCount nodes { studyInstanceUid } }
              series: allSeries(first: 20, filter: { description: { includesInsensitive: $text } }) { totalCount nodes { seriesInstanceUid } } }
            """, new { text = w })).ToArray(),
        data => $"{data.GetProperty("search").GetProperty("totalCount")} hits",
        data => $"{data.EnumerateObject().Sum(p => p.Value.GetProperty("totalCount").GetInt32())} hits");

    public static byte[] Body(string query, object? variables) => JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    private static string PeerFacets(string sex)
    {
        var filters = new Dictionary<string, string>
        {
            ["modality"] = """modality: { in: ["MR", "CT"] }""",
            ["bodyPart"] = "bodyPart: { isNull: false }",
        };
        var patient = $$"""studyByStudyId: { patientByPatientId: { sex: { equalTo: "{{sex}}" } } }""";
        var text = new StringBuilder("{\n");
        text.Append($"  page: allSeries(first: 20, filter: {{ {string.Join(", ", filters.Values)}, {patient} }}) {{ totalCount nodes {{ seriesInstanceUid modality }} }}\n");
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

    private static string PeerCohort(string[] codes, int age)
    {
        var patient = $$"""ageAtDiagnosis: { greaterThanOrEqualTo: {{age}} }, diagnosesByPatientId: { some: { cancerTypeByCancerTypeId: { code: { in: [{{Quoted(codes)}}] } } } }""";
        const string series = """modality: { equalTo: "MR" }, sliceThickness: { lessThanOrEqualTo: 3 }""";
        return $$"""
            {
              patients: allPatients(filter: { {{patient}}, studiesByPatientId: { some: { seriesByStudyId: { some: { {{series}} } } } } }) { totalCount }
              studies: allStudies(filter: { patientByPatientId: { {{patient}} }, seriesByStudyId: { some: { {{series}} } } }) { totalCount }
              series: allSeries(filter: { {{series}}, studyByStudyId: { patientByPatientId: { {{patient}} } } }) { totalCount aggregates { sum { sizeBytes } } }
            }
            """;
    }

    private static string OursFacetAnswer(JsonElement data)
    {
        var series = data.GetProperty("series");
        var text = new StringBuilder($"total {series.GetProperty("totalCount")}, first {First(series.GetProperty("nodes"))}");
        foreach (var facet in series.GetProperty("facets").EnumerateArray())
        {
            var values = facet.GetProperty("values").EnumerateArray().Select(v => (Value: v.GetProperty("value").GetString()!, Count: v.GetProperty("count").GetInt32()));
            text.Append(FacetText(facet.GetProperty("field").GetString()!, values, facet.GetProperty("missing").GetInt32()));
            if (facet.GetProperty("other").GetInt32() != 0)
                text.Append(" (other values left out)");
        }

        return text.ToString();
    }

    private static string PeerFacetAnswer(JsonElement data)
    {
        var page = data.GetProperty("page");
        var text = new StringBuilder($"total {page.GetProperty("totalCount")}, first {First(page.GetProperty("nodes"))}");
        foreach (var field in FacetFields)
        {
            var values = data.GetProperty(field).GetProperty("groupedAggregates").EnumerateArray()
                .Select(g => (Value: g.GetProperty("keys")[0].GetString()!, Count: int.Parse(g.GetProperty("distinctCount").GetProperty("id").GetString()!, CultureInfo.InvariantCulture)));
            text.Append(FacetText(field, values, Total(data, field + "Missing")));
        }

        return text.ToString();
    }

    private static string FacetText(string field, IEnumerable<(string Value, int Count)> values, int missing) =>
        $"; {field}: {string.Join(' ', values.OrderBy(v => v.Value, StringComparer.Ordinal).Select(v => $"{v.Value}={v.Count}"))} missing={missing}";

    private static string First(JsonElement nodes) => nodes.GetArrayLength() == 0 ? "none" : nodes[0].GetProperty("seriesInstanceUid").GetString()!;

    private static int Total(JsonElement data, string alias) => data.GetProperty(alias).GetProperty("totalCount").GetInt32();

    private static string Value(JsonElement data, string field) => data.GetProperty(field).GetProperty("value").ToString();

    private static string SeriesAnswer(JsonElement series, string study, string patient) =>
        series.ValueKind == JsonValueKind.Null ? "not found"
        : $"{series.GetProperty("seriesInstanceUid")} {series.GetProperty("modality")} in {series.GetProperty(study).GetProperty("studyInstanceUid")} of {series.GetProperty(study).GetProperty(patient).GetProperty("pseudonym")}";

    private static string PageAnswer(JsonElement connection, string studies, string series)
    {
        var patients = connection.GetProperty("nodes").EnumerateArray().ToArray();
        var studyNodes = patients.SelectMany(p => p.GetProperty(studies).GetProperty("nodes").EnumerateArray()).ToArray();
        var seriesNodes = studyNodes.SelectMany(s => s.GetProperty(series).GetProperty("nodes").EnumerateArray()).ToArray();
        var first = patients.Length == 0 ? "none" : patients[0].GetProperty("pseudonym").GetString();
        var last = patients.Length == 0 ? "none" : patients[^1].GetProperty("pseudonym").GetString();
        return $"{patients.Length} patients ({first}..{last}), {studyNodes.Length} studies, {seriesNodes.Length} series";
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}
