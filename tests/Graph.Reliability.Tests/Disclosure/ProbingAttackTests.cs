using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Graph.Reliability.Tests.Disclosure;

/// <summary>
/// Attacks that probe with questions (guesses, prefixes, padding, rephrasing, differences), each an executable scenario over HTTP
/// as an anonymous visitor and as a researcher without grants, asserting what the attacker learns: never an exact count below
/// the threshold, never an attribute of a restricted patient.
/// </summary>
[Collection(AttackCollection.Name)]
public sealed class ProbingAttackTests(AttackService service, ITestOutputHelper output)
{
    private const string Count = AttackService.Count;

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
        foreach (var attacker in service.Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var guess in guesses)
                answers.Add(await service.PreviewAsync(attacker, $"patients: {{ pseudonym: {{ eq: \"{pseudonym}\" }}, {guess} }}"));
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
        var exact = await service.DataAsync(service.Admin, AttackService.Criteria($"patients: {{ datasets: {{ some: {{ slug: {{ eq: \"{slug}\" }} }} }}, sex: {{ eq: \"{sex}\" }}, ageAtDiagnosis: {{ eq: {age} }} }}", "patients { value }"));
        Assert.Equal(1, (int)exact["cohortPreview"]!["patients"]!["value"]!);
        foreach (var attacker in service.Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var vital in new[] { "alive", "deceased", "unknown" })
                answers.Add(await service.PreviewAsync(attacker, $"patients: {{ datasets: {{ some: {{ slug: {{ eq: \"{slug}\" }} }} }}, sex: {{ eq: \"{sex}\" }}, ageAtDiagnosis: {{ eq: {age} }}, vitalStatus: {{ eq: \"{vital}\" }} }}"));
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
        foreach (var attacker in service.Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var prefix in prefixes)
                answers.Add(await service.PreviewAsync(attacker, $"patients: {{ pseudonym: {{ startsWith: \"{prefix}\" }} }}"));
            Assert.Single(answers);
        }
    }

    /// <summary>Padding a hidden group with k readable patients (k = 0 to 20): the readable part counts exactly k, the protected part never moves.</summary>
    [Fact]
    public async Task Padding_HiddenGroupWithZeroToTwentyReadablePatients_ProtectedPartConstant()
    {
        // A small group (two to four restricted patients) and a larger one.
        var small = service.SmallGroup();
        var large = "datasets: { some: { slug: { eq: \"chaimeleon-lung-valencia\" } } }, ageAtDiagnosis: { gte: 70 }";
        var sizes = await service.DataAsync(service.Admin, $$"""
            { small: patients(where: { {{small}} }) { totalCount } large: patients(where: { {{large}} }) { totalCount } }
            """);
        output.WriteLine($"small group {sizes["small"]!["totalCount"]}, large group {sizes["large"]!["totalCount"]}");
        Assert.InRange((int)sizes["small"]!["totalCount"]!, 2, 4);
        Assert.InRange((int)sizes["large"]!["totalCount"]!, 15, 200);
        foreach (var attacker in service.Attackers)
        {
            foreach (var group in new[] { small, large })
            {
                var restricted = new HashSet<string>();
                for (var k = 0; k <= 20; k++)
                {
                    var pads = string.Join(", ", service.OpenPseudonyms.Take(k).Select(p => $"\"{p}\""));
                    var data = await service.DataAsync(attacker, AttackService.Criteria($"patients: {{ or: [{{ {group} }}, {{ pseudonym: {{ in: [{pads}] }} }}] }}", $"patients {{ {Count} }}"));
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
        foreach (var attacker in service.Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var form in forms)
            {
                for (var i = 0; i < 3; i++)
                    answers.Add(await service.PreviewAsync(attacker, form));
            }

            var aliased = await service.DataAsync(attacker, $"{{ x: cohortPreview(criteria: {{ {forms[0]} }}) {{ {AttackService.Preview} protection {{ limitedToReadable }} }} }}");
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
}
