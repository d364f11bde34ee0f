using System.Text.Json.Nodes;

namespace Graph.Reliability.Tests.Disclosure;

/// <summary>
/// Attacks that read aggregates (facet values, histograms, sums, cohort comparison and drift, public facts), each an executable
/// scenario over HTTP as an anonymous visitor and as a researcher without grants, asserting what the attacker learns.
/// </summary>
[Collection(AttackCollection.Name)]
public sealed class AggregateAttackTests(AttackService service)
{
    private const string Count = AttackService.Count;

    /// <summary>Facet values seen only in fewer than 5 restricted patients are not named, neither in a cohort preview nor in a dataset's summary.</summary>
    [Fact]
    public async Task FacetValues_OfFewRestrictedPatients_NotListed()
    {
        var exact = await service.DataAsync(service.Admin, """
            { datasets(first: 100, where: { accessTier: { eq: "restricted" } }) { nodes { slug
                summary { patientFacets(fields: ["sex", "cancerTypes.code"], limit: 100) { field values { value count { value } } }
                          seriesFacets(fields: ["manufacturer", "model", "bodyPart"], limit: 1000) { field values { value count { value } } } } } } }
            """);
        var rare = 0;
        foreach (var attacker in service.Attackers)
        {
            var shown = await service.DataAsync(attacker, """
                { datasets(first: 100, where: { accessTier: { eq: "restricted" } }) { nodes { slug
                    summary { patientFacets(fields: ["sex", "cancerTypes.code"], limit: 100) { field values { value count { value } } }
                              seriesFacets(fields: ["manufacturer", "model", "bodyPart"], limit: 1000) { field values { value count { value } } } } } } }
                """);
            foreach (var (exactDataset, shownDataset) in exact["datasets"]!["nodes"]!.AsArray().Zip(shown["datasets"]!["nodes"]!.AsArray()))
            {
                foreach (var level in new[] { "patientFacets", "seriesFacets" })
                {
                    foreach (var (exactFacet, shownFacet) in exactDataset!["summary"]![level]!.AsArray().Zip(shownDataset!["summary"]![level]!.AsArray()))
                    {
                        var listed = shownFacet!["values"]!.AsArray().Select(v => (string)v!["value"]!).ToHashSet();
                        foreach (var value in exactFacet!["values"]!.AsArray())
                        {
                            // Fewer than 5 patients' records: never listed (for series, each patient has several, so fewer than 5 series surely are).
                            if ((int)value!["count"]!["value"]! < 5)
                            {
                                rare++;
                                Assert.DoesNotContain((string)value["value"]!, listed);
                            }
                        }
                    }
                }
            }
        }

        Assert.True(rare > 0, "The demo catalogue should have rare facet values in restricted datasets.");
    }

    /// <summary>Histograms count only readable records: a restricted dataset's patients give an anonymous visitor an empty distribution.</summary>
    [Fact]
    public async Task Histograms_OfRestrictedRecords_AreEmptyForCallersWhoMayNotRead()
    {
        foreach (var attacker in service.Attackers)
        {
            var data = await service.DataAsync(attacker, """
                { datasetByKey(key: "chaimeleon-lung-valencia") { patients { totalCount histogram(field: "ageAtDiagnosis", width: 1) { count missing min max mean sum bins { count } } } }
                  patients(first: 0, where: { datasets: { some: { accessTier: { eq: "restricted" } } } }) { totalCount histogram(field: "ageAtDiagnosis", bins: 10) { count min max } } }
                """);
            var histogram = data["datasetByKey"]!["patients"]!["histogram"]!;
            Assert.Equal(0, (int)data["datasetByKey"]!["patients"]!["totalCount"]!);
            Assert.Equal(0, (int)histogram["count"]!);
            Assert.Null(histogram["min"]);
            Assert.Null(histogram["sum"]);
            Assert.Empty(histogram["bins"]!.AsArray());
            Assert.Equal(0, (int)data["patients"]!["histogram"]!["count"]!);
        }
    }

    /// <summary>Sums and series counts of one restricted patient, or of a handful, are withheld.</summary>
    [Fact]
    public async Task Sums_OfOneOrAFewRestrictedPatients_Withheld()
    {
        var target = service.RestrictedPatients.First(p => (int)p["series"]!["totalCount"]! >= 8);
        foreach (var attacker in service.Attackers)
        {
            var one = await service.DataAsync(attacker, AttackService.Criteria($"patients: {{ pseudonym: {{ eq: \"{target["pseudonym"]}\" }} }}", $"series {{ {Count} }} studies {{ {Count} }} totalBytes {{ {Count} }}"));
            var few = await service.DataAsync(attacker, AttackService.Criteria($"patients: {{ {service.SmallGroup()} }}", $"series {{ {Count} }} totalBytes {{ {Count} }}"));
            foreach (var answer in new[] { one, few })
            {
                var preview = answer["cohortPreview"]!;
                Assert.Null(preview["series"]!["restricted"]);
                Assert.Null(preview["totalBytes"]!["restricted"]);
                Assert.Equal(0, (int)preview["series"]!["value"]!);
                Assert.Equal(0, (long)preview["totalBytes"]!["value"]!);
            }
        }
    }

    /// <summary>A curator's cohort of one restricted patient compared with another: the attacker gets no count of it.</summary>
    [Fact]
    public async Task CohortComparison_OfACuratorsCohortOfOneRestrictedPatient_NoCount()
    {
        var pseudonym = (string)service.RestrictedPatients[1]["pseudonym"]!;
        var one = await service.SaveCohortAsync(service.Admin, "one restricted patient", $"patients: {{ pseudonym: {{ eq: \"{pseudonym}\" }} }}");
        var many = await service.SaveCohortAsync(service.Admin, "many", "patients: { sex: { eq: \"F\" } }");
        foreach (var attacker in service.Attackers)
        {
            var body = await service.PostAsync(attacker, $$"""{ compareCohorts(a: "{{one}}", b: "{{many}}") { onlyA { {{Count}} } onlyB { {{Count}} } both { {{Count}} } jaccard } }""");
            if (body["errors"] is JsonArray errors)
            {
                // Cohorts are private to their owner and curators: the attacker is told no more than that there is no such cohort.
                Assert.Equal("NOT_FOUND", (string?)errors[0]!["extensions"]!["code"]);
                continue;
            }

            var comparison = body["data"]!["compareCohorts"]!;
            Assert.Null(comparison["onlyA"]!["restricted"]);
            Assert.Null(comparison["both"]!["restricted"]);
            Assert.Equal(0, (int)comparison["onlyA"]!["value"]! + (int)comparison["both"]!["value"]!);
        }
    }

    /// <summary>A researcher's preview, saved cohort and drift agree; drift shows changes of the catalogue, not of access; the owner sees the Jaccard of their cohorts.</summary>
    [Fact]
    public async Task Cohorts_PreviewSaveAndDriftAgreeForTheSameCaller()
    {
        const string criteria = """patients: { cancerTypes: { some: { code: { in: ["prostate", "lung"] } } } }""";
        var preview = (await service.DataAsync(service.Researcher, AttackService.Criteria(criteria, $"patients {{ {Count} }}")))["cohortPreview"]!["patients"]!;
        Assert.True((int)preview["readable"]! > 0);
        Assert.NotNull(preview["restricted"]);
        var saved = (await service.DataAsync(service.Researcher, $$"""
            mutation { saveCohort(input: { name: "researcher's", criteria: { {{criteria}} } }) {
              cohortId patients { totalCount } selection { patients { {{Count}} } } drift { savedPatients { {{Count}} } currentPatients { {{Count}} } added { {{Count}} } removed { {{Count}} } } } }
            """))["saveCohort"]!;
        Assert.Equal((int)preview["readable"]!, (int)saved["patients"]!["totalCount"]!);
        Assert.Equal((int)preview["readable"]!, (int)saved["selection"]!["patients"]!["value"]!);
        Assert.Equal((int)preview["readable"]!, (int)saved["drift"]!["currentPatients"]!["value"]!);
        Assert.Equal(0, (int)saved["drift"]!["added"]!["value"]!);
        Assert.Equal(0, (int)saved["drift"]!["removed"]!["value"]!);

        var other = await service.SaveCohortAsync(service.Researcher, "researcher's prostate", """patients: { cancerTypes: { some: { code: { eq: "prostate" } } } }""");
        var comparison = (await service.DataAsync(service.Researcher, $$"""{ compareCohorts(a: "{{saved["cohortId"]}}", b: "{{other}}") { onlyA { value } both { value } jaccard } }"""))["compareCohorts"]!;
        var both = (int)comparison["both"]!["value"]!;
        Assert.True(both > 0);
        Assert.Equal((double)both / (both + (int)comparison["onlyA"]!["value"]!), (double)comparison["jaccard"]!, 6);
    }

    /// <summary>Public facts agree with themselves: a preview's datasets are those its dataset facet lists, and restricted datasets show their size, never 0.</summary>
    [Fact]
    public async Task PublicFacts_AgreeAndRestrictedDatasetsShowTheirSize()
    {
        foreach (var attacker in service.Attackers)
        {
            var data = await service.DataAsync(attacker, $$"""
                { cohortPreview(criteria: { patients: { ageAtDiagnosis: { gte: 40 } } }) { datasets { value } patientFacets(fields: ["datasets.slug"], limit: 100) { values { value } } }
                  catalogueStatistics { datasets }
                  datasets(first: 100, where: { accessTier: { eq: "restricted" } }) { nodes { slug summary { patients { {{Count}} } } } } }
                """);
            var preview = data["cohortPreview"]!;
            Assert.Equal(preview["patientFacets"]![0]!["values"]!.AsArray().Count, (int)preview["datasets"]!["value"]!);
            Assert.Equal(36, (int)data["catalogueStatistics"]!["datasets"]!);
            foreach (var dataset in data["datasets"]!["nodes"]!.AsArray())
                Assert.True((int?)dataset!["summary"]!["patients"]!["restricted"] >= 5, $"{dataset["slug"]} shows {dataset["summary"]}");
        }
    }
}
