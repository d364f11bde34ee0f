using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Graph.Bench.Peer;

partial class Scenarios
{
    private static string OursSearchAnswer(JsonElement data) => $"{data.GetProperty("search").GetProperty("totalCount")} hits";

    private static string PeerSearchAnswer(JsonElement data) => $"{data.EnumerateObject().Sum(p => p.Value.GetProperty("totalCount").GetInt32())} hits";

    private static string OursCohortAnswer(JsonElement data)
    {
        var c = data.GetProperty("cohortPreview");
        return $"patients {Value(c, "patients")}, studies {Value(c, "studies")}, series {Value(c, "series")}, bytes {Value(c, "totalBytes")}";
    }

    private static string PeerCohortAnswer(JsonElement data)
    {
        var bytes = data.GetProperty("series").GetProperty("aggregates").GetProperty("sum").GetProperty("sizeBytes");
        // pg-aggregates sums to null over no rows; ours says 0.
        return $"patients {Total(data, "patients")}, studies {Total(data, "studies")}, series {Total(data, "series")}, bytes {(bytes.ValueKind == JsonValueKind.Null ? "0" : bytes.ToString())}";
    }

    private static string PeerCohort(string[] codes, int age) => PeerCohort(
        $$"""ageAtDiagnosis: { greaterThanOrEqualTo: {{age}} }, diagnosesByPatientId: { some: { cancerTypeByCancerTypeId: { code: { in: [{{Quoted(codes)}}] } } } }""",
        """modality: { equalTo: "MR" }, sliceThickness: { lessThanOrEqualTo: 3 }""");

    private static string PeerCohort(string patient, string series) => $$"""
        {
          patients: allPatients(filter: { {{patient}}, studiesByPatientId: { some: { seriesByStudyId: { some: { {{series}} } } } } }) { totalCount }
          studies: allStudies(filter: { patientByPatientId: { {{patient}} }, seriesByStudyId: { some: { {{series}} } } }) { totalCount }
          series: allSeries(filter: { {{series}}, studyByStudyId: { patientByPatientId: { {{patient}} } } }) { totalCount aggregates { sum { sizeBytes } } }
        }
        """;

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

    private static string Quoted(IEnumerable<string> values) => DistinctRequests.Quoted(values);
}
