using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Graph.Reliability.Tests.Disclosure;

/// <summary>
/// Attacks on aggregate answers, each an executable scenario over HTTP as an anonymous visitor and as a researcher without grants,
/// asserting what the attacker learns: never an exact count below the threshold, never an attribute of a restricted patient.
/// </summary>
[Collection(AttackCollection.Name)]
public sealed class DisclosureAttackTests(AttackService service, ITestOutputHelper output)
{
    private const string Count = "value readable restricted";
    private static readonly string Preview = $"patients {{ {Count} }} studies {{ {Count} }} series {{ {Count} }} datasets {{ {Count} }} totalBytes {{ {Count} }} "
        + $"patientFacets(fields: [\"sex\", \"datasets.slug\"]) {{ field values {{ value count {{ {Count} }} }} missing {{ {Count} }} other {{ {Count} }} }}";

    private IEnumerable<string?> Attackers => [null, service.Researcher];

    /// <summary>Zero versus null: a restricted patient's pseudonym with each guess of an attribute gives one answer for every guess.</summary>
    [Fact]
    public async Task ZeroVersusNull_GuessingAttributesOfARestrictedPatient_EveryGuessGetsTheSameAnswer()
    {
        var target = service.RestrictedPatients.First(p => p["ageAtDiagnosis"] is not null && p["vitalStatus"] is not null);
        var pseudonym = (string)target["pseudonym"]!;
        var age = (int)target["ageAtDiagnosis"]!;
        var guesses = Enumerable.Range(age - 5, 11).Select(a => $"ageAtDiagnosis: {{ eq: {a} }}")
            .Concat(new[] { "alive", "deceased", "unknown" }.Select(v => $"vitalStatus: {{ eq: \"{v}\" }}"))
            .Concat(new[] { "F", "M", "U" }.Select(v => $"sex: {{ eq: \"{v}\" }}"))
            .Concat(new[] { "I", "II", "IIIA", "IV" }.Select(v => $"diagnoses: {{ some: {{ stage: {{ eq: \"{v}\" }} }} }}"))
            .ToList();
        foreach (var attacker in Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var guess in guesses)
                answers.Add(await PreviewAsync(attacker, $"patients: {{ pseudonym: {{ eq: \"{pseudonym}\" }}, {guess} }}"));
            Assert.Single(answers);
            Assert.Contains("\"limitedToReadable\":[\"patients.pseudonym\"]", answers.Single(), StringComparison.Ordinal);
        }
    }

    /// <summary>Without a pseudonym: a combination of facts that singles out one restricted patient, with each guess of a further fact.</summary>
    [Fact]
    public async Task ZeroVersusNull_QuasiIdentifiersOfOneRestrictedPatient_EveryGuessGetsTheSameAnswer()
    {
        var unique = service.RestrictedPatients
            .Where(p => p["ageAtDiagnosis"] is not null && p["sex"] is not null)
            .GroupBy(p => ((string)p["datasets"]!["nodes"]![0]!["slug"]!, (string)p["sex"]!, (int)p["ageAtDiagnosis"]!))
            .First(g => g.Count() == 1);
        var (slug, sex, age) = unique.Key;
        var exact = await service.DataAsync(service.Admin, Criteria($"patients: {{ datasets: {{ some: {{ slug: {{ eq: \"{slug}\" }} }} }}, sex: {{ eq: \"{sex}\" }}, ageAtDiagnosis: {{ eq: {age} }} }}", "patients { value }"));
        Assert.Equal(1, (int)exact["cohortPreview"]!["patients"]!["value"]!);
        foreach (var attacker in Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var vital in new[] { "alive", "deceased", "unknown" })
                answers.Add(await PreviewAsync(attacker, $"patients: {{ datasets: {{ some: {{ slug: {{ eq: \"{slug}\" }} }} }}, sex: {{ eq: \"{sex}\" }}, ageAtDiagnosis: {{ eq: {age} }}, vitalStatus: {{ eq: \"{vital}\" }} }}"));
            Assert.Single(answers);
        }
    }

    /// <summary>Pseudonym prefixes that match restricted patients and prefixes that match nobody get the same answer.</summary>
    [Fact]
    public async Task PseudonymPrefixes_RestrictedOrNobody_SameAnswer()
    {
        var pseudonym = (string)service.RestrictedPatients[0]["pseudonym"]!;
        // From the dataset's part of the pseudonym (SYN-CHM01) to the whole of it: every prefix names restricted patients only.
        var prefixes = Enumerable.Range(9, pseudonym.Length - 8).Select(n => pseudonym[..n]).Append("SYN-NOBODY").Append("ZZZ").ToList();
        foreach (var attacker in Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var prefix in prefixes)
                answers.Add(await PreviewAsync(attacker, $"patients: {{ pseudonym: {{ startsWith: \"{prefix}\" }} }}"));
            Assert.Single(answers);
        }
    }

    /// <summary>Padding a hidden group with k readable patients (k = 0 to 20): the readable part counts exactly k, the protected part never moves.</summary>
    [Fact]
    public async Task Padding_HiddenGroupWithZeroToTwentyReadablePatients_ProtectedPartConstant()
    {
        // A small group (two to four restricted patients) and a larger one.
        var small = SmallGroup();
        var large = "datasets: { some: { slug: { eq: \"chaimeleon-lung-valencia\" } } }, ageAtDiagnosis: { gte: 70 }";
        var sizes = await service.DataAsync(service.Admin, $$"""
            { small: patients(where: { {{small}} }) { totalCount } large: patients(where: { {{large}} }) { totalCount } }
            """);
        output.WriteLine($"small group {sizes["small"]!["totalCount"]}, large group {sizes["large"]!["totalCount"]}");
        Assert.InRange((int)sizes["small"]!["totalCount"]!, 2, 4);
        Assert.InRange((int)sizes["large"]!["totalCount"]!, 15, 200);
        foreach (var attacker in Attackers)
        {
            foreach (var group in new[] { small, large })
            {
                var restricted = new HashSet<string>();
                for (var k = 0; k <= 20; k++)
                {
                    var pads = string.Join(", ", service.OpenPseudonyms.Take(k).Select(p => $"\"{p}\""));
                    var data = await service.DataAsync(attacker, Criteria($"patients: {{ or: [{{ {group} }}, {{ pseudonym: {{ in: [{pads}] }} }}] }}", $"patients {{ {Count} }}"));
                    var patients = data["cohortPreview"]!["patients"]!;
                    Assert.Equal(k, (int)patients["readable"]!);
                    restricted.Add(patients["restricted"]?.ToJsonString() ?? "withheld");
                }

                Assert.Single(restricted);
                if (group == small)
                    Assert.Equal("withheld", restricted.Single());
            }
        }
    }

    /// <summary>The same question asked again and in equivalent forms (reordered and/or, in versus several eq, aliases, gt versus gte) gets one answer.</summary>
    [Fact]
    public async Task RepetitionAndEquivalentForms_OneAnswer()
    {
        string[] forms =
        [
            """patients: { cancerTypes: { some: { code: { in: ["lung", "colon"] } } }, ageAtDiagnosis: { gte: 60, lt: 80 } }, series: { modality: { eq: "CT" } }""",
            """patients: { ageAtDiagnosis: { gt: 59, lte: 79 }, cancerTypes: { some: { code: { in: ["colon", "lung"] } } } }, series: { modality: { in: ["CT"] } }""",
            """patients: { and: [{ ageAtDiagnosis: { lt: 80 } }, { or: [{ cancerTypes: { some: { code: { eq: "colon" } } } }, { cancerTypes: { some: { code: { eq: "lung" } } } }] }, { ageAtDiagnosis: { gte: 60 } }] }, series: { or: [{ modality: { eq: "CT" } }] }""",
            """patients: { diagnoses: { some: { cancerType: { code: { in: ["lung", "colon"] } } } }, ageAtDiagnosis: { gte: 60, lt: 80 } }, series: { modality: { eq: "CT" } }""",
        ];
        foreach (var attacker in Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var form in forms)
            {
                for (var i = 0; i < 3; i++)
                    answers.Add(await PreviewAsync(attacker, form));
            }

            var aliased = await service.DataAsync(attacker, $"{{ x: cohortPreview(criteria: {{ {forms[0]} }}) {{ {Preview} protection {{ limitedToReadable }} }} }}");
            answers.Add(aliased["x"]!.ToJsonString());
            Assert.Single(answers);
        }
    }

    /// <summary>Differencing two overlapping groups (ages from a and from a + 1 in a restricted dataset), averaged over every upper bound, does not recover counts of 1 to 4.</summary>
    [Fact]
    public async Task Differencing_OverlappingRangesAveragedOverBounds_DoesNotRecoverSmallCounts()
    {
        const string dataset = "chaimeleon-lung-valencia";
        var truth = service.RestrictedPatients
            .Where(p => (string)p["datasets"]!["nodes"]![0]!["slug"]! == dataset && p["ageAtDiagnosis"] is not null)
            .GroupBy(p => (int)p["ageAtDiagnosis"]!)
            .ToDictionary(g => g.Key, g => g.Count());
        var targets = truth.Where(t => t.Value is >= 1 and <= 4).Select(t => t.Key).Order().Take(12).ToList();
        Assert.True(targets.Count >= 8, "The demo catalogue should have ages held by one to four patients of the dataset.");
        var exactHits = 0;
        var errors = new List<double>();
        foreach (var age in targets)
        {
            // N tries: a different upper bound each time, so that every pair of answers carries fresh noise where it can.
            var estimates = new List<double>();
            foreach (var upper in Enumerable.Range(age + 5, 20))
            {
                var data = await service.DataAsync(null, $$"""
                    { a: cohortPreview(criteria: { patients: { datasets: { some: { slug: { eq: "{{dataset}}" } } }, ageAtDiagnosis: { gte: {{age}}, lte: {{upper}} } } }) { patients { restricted } }
                      b: cohortPreview(criteria: { patients: { datasets: { some: { slug: { eq: "{{dataset}}" } } }, ageAtDiagnosis: { gte: {{age + 1}}, lte: {{upper}} } } }) { patients { restricted } } }
                    """);
                estimates.Add(((int?)data["a"]!["patients"]!["restricted"] ?? 0) - ((int?)data["b"]!["patients"]!["restricted"] ?? 0));
            }

            var estimate = estimates.Average();
            errors.Add(Math.Abs(estimate - truth[age]));
            exactHits += Math.Round(estimate) == truth[age] ? 1 : 0;
            output.WriteLine($"age {age}: truth {truth[age]}, attacker's average of {estimates.Count} differences {estimate:F2}");
        }

        output.WriteLine($"exact recoveries {exactHits} of {targets.Count}; mean absolute error {errors.Average():F2}");
        Assert.True(exactHits <= targets.Count / 2, $"The attacker recovered {exactHits} of {targets.Count} small counts exactly.");
        Assert.True(errors.Average() >= 1.0, $"The attacker's mean error was {errors.Average():F2} patients.");
    }

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
        foreach (var attacker in Attackers)
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
        foreach (var attacker in Attackers)
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
        foreach (var attacker in Attackers)
        {
            var one = await service.DataAsync(attacker, Criteria($"patients: {{ pseudonym: {{ eq: \"{target["pseudonym"]}\" }} }}", $"series {{ {Count} }} studies {{ {Count} }} totalBytes {{ {Count} }}"));
            var few = await service.DataAsync(attacker, Criteria($"patients: {{ {SmallGroup()} }}", $"series {{ {Count} }} totalBytes {{ {Count} }}"));
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
        var one = await SaveAsync(service.Admin, "one restricted patient", $"patients: {{ pseudonym: {{ eq: \"{pseudonym}\" }} }}");
        var many = await SaveAsync(service.Admin, "many", "patients: { sex: { eq: \"F\" } }");
        foreach (var attacker in Attackers)
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
        var preview = (await service.DataAsync(service.Researcher, Criteria(criteria, $"patients {{ {Count} }}")))["cohortPreview"]!["patients"]!;
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

        var other = await SaveAsync(service.Researcher, "researcher's prostate", """patients: { cancerTypes: { some: { code: { eq: "prostate" } } } }""");
        var comparison = (await service.DataAsync(service.Researcher, $$"""{ compareCohorts(a: "{{saved["cohortId"]}}", b: "{{other}}") { onlyA { value } both { value } jaccard } }"""))["compareCohorts"]!;
        var both = (int)comparison["both"]!["value"]!;
        Assert.True(both > 0);
        Assert.Equal((double)both / (both + (int)comparison["onlyA"]!["value"]!), (double)comparison["jaccard"]!, 6);
    }

    /// <summary>Public facts agree with themselves: a preview's datasets are those its dataset facet lists, and restricted datasets show their size, never 0.</summary>
    [Fact]
    public async Task PublicFacts_AgreeAndRestrictedDatasetsShowTheirSize()
    {
        foreach (var attacker in Attackers)
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

    // Conditions that select two to four patients of one restricted dataset, of one age.
    private string SmallGroup()
    {
        var group = service.RestrictedPatients.Where(p => p["ageAtDiagnosis"] is not null)
            .GroupBy(p => ((string)p["datasets"]!["nodes"]![0]!["slug"]!, (int)p["ageAtDiagnosis"]!))
            .First(g => g.Count() is >= 2 and <= 4).Key;
        return $"datasets: {{ some: {{ slug: {{ eq: \"{group.Item1}\" }} }} }}, ageAtDiagnosis: {{ eq: {group.Item2} }}";
    }

    private async Task<string> PreviewAsync(string? attacker, string criteria)
    {
        var data = await service.DataAsync(attacker, Criteria(criteria, Preview + " protection { limitedToReadable }"));
        return data["cohortPreview"]!.ToJsonString();
    }

    private async Task<string> SaveAsync(string? key, string name, string criteria) =>
        (string)(await service.DataAsync(key, $$"""mutation { saveCohort(input: { name: "{{name}}", criteria: { {{criteria}} } }) { cohortId } }"""))["saveCohort"]!["cohortId"]!;

    private static string Criteria(string criteria, string selection) => $"{{ cohortPreview(criteria: {{ {criteria} }}) {{ {selection} }} }}";
}
