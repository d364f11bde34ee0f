using System.Text.Json;

namespace Graph.Reliability.Tests.Disclosure;

/// <summary>
/// Attacks on other callers' PRIVATE cohorts through aggregates (facets, crossTab, summaries, cohort conditions in a preview), as an
/// anonymous visitor and as a researcher without grants: no cohort id is named, no text of the cohort can be read character by
/// character, and whether a readable patient is in the cohort is not told (review: cohorts in aggregates were every caller's).
/// </summary>
[Collection(AttackCollection.Name)]
public sealed class CohortAttackTests(AttackService service)
{
    /// <summary>Facet values and crossTab rows of cohorts.cohortId name the attacker's own and public cohorts, never another caller's private one.</summary>
    [Fact]
    public async Task CohortFacets_OtherCallersPrivateCohort_NeverNamed()
    {
        var hidden = await SaveAsync(service.Admin, "PRIVATE", "facet victim", "kept to myself", Members());
        var shown = await SaveAsync(service.Admin, "PUBLIC", "facet public", "for everyone", Members());
        var own = await SaveAsync(service.Researcher, "PRIVATE", "facet own", "mine", Members());
        foreach (var attacker in service.Attackers)
        {
            var text = (await service.DataAsync(attacker, """
                { cohortPreview(criteria: {}) { patientFacets(fields: ["cohorts.cohortId"], limit: 1000) { values { value } } }
                  crossTab(rows: "cohorts.cohortId", columns: "sex", limit: 1000) { cells { value } }
                  datasets(first: 100) { nodes { summary { patientFacets(fields: ["cohorts.cohortId"], limit: 1000) { values { value } } } } } }
                """)).ToJsonString();
            Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
            Assert.Contains(shown, text, StringComparison.Ordinal);
            Assert.Equal(attacker is not null, text.Contains(own, StringComparison.Ordinal));
        }
    }

    /// <summary>The startsWith oracle on a private cohort's owner, name, description and criteria (which hold a restricted pseudonym):
    /// a real prefix gets the answer of a random one.</summary>
    [Fact]
    public async Task CohortTextOracle_RealPrefixOfAnotherCallersPrivateCohort_AnswersAsARandomOne()
    {
        var restricted = (string)service.RestrictedPatients[^1]["pseudonym"]!;
        var id = await SaveAsync(service.Admin, "PRIVATE", "oracle victim Qx7", "follow-up of the Qx7 study", Members(restricted));
        var cohort = (await service.DataAsync(service.Admin, $$"""{ cohortByKey(key: "{{id}}") { owner name description criteria } }"""))["cohortByKey"]!;
        string Text(string field) => (string)cohort[field]!;
        var probes = new List<(string Field, string Operation, string Text)>
        {
            ("owner", "startsWith", Text("owner")), ("name", "startsWith", "oracle victim"), ("description", "startsWith", "follow-up of"),
            ("criteria", "startsWith", Text("criteria")), ("criteria", "contains", restricted),
        };
        probes.AddRange(probes.Select(p => (p.Field, p.Operation, "zq-nobody-wrote-this")).ToList());
        foreach (var attacker in service.Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var (field, operation, text) in probes)
            {
                answers.Add(await service.PreviewAsync(attacker,
                    $"patients: {{ cohorts: {{ some: {{ visibility: {{ eq: \"PRIVATE\" }}, {field}: {{ {operation}: {JsonSerializer.Serialize(text)} }} }} }} }}"));
            }

            // The attacker's own private cohorts (the researcher's) do not hold these texts: every probe selects nothing readable.
            Assert.Single(answers);
        }
    }

    /// <summary>A readable patient in another caller's private cohort and one outside it get the same answer, by id and by name.</summary>
    [Fact]
    public async Task CohortMembership_OfAReadablePatientInAnotherCallersPrivateCohort_NotRevealed()
    {
        var id = await SaveAsync(service.Admin, "PRIVATE", "membership victim", "who is in it", Members());
        var (member, outsider) = (service.OpenPseudonyms[0], service.OpenPseudonyms[^1]);
        foreach (var attacker in service.Attackers)
        {
            var answers = new HashSet<string>();
            foreach (var pseudonym in new[] { member, outsider })
            {
                foreach (var cohort in new[] { $"cohortId: {{ eq: \"{id}\" }}", "name: { eq: \"membership victim\" }" })
                    answers.Add(await service.PreviewAsync(attacker, $"patients: {{ pseudonym: {{ eq: \"{pseudonym}\" }}, cohorts: {{ some: {{ {cohort} }} }} }}"));
            }

            Assert.Single(answers);
        }
    }

    // Criteria selecting eight patients every caller reads (and the given others): a cohort an attacker's own queries would find.
    private string Members(params string[] others) =>
        $"patients: {{ pseudonym: {{ in: {JsonSerializer.Serialize(service.OpenPseudonyms.Take(8).Concat(others))} }} }}";

    private async Task<string> SaveAsync(string? key, string visibility, string name, string description, string criteria) =>
        (string)(await service.DataAsync(key, $$"""
            mutation { saveCohort(input: { name: "{{name}}", description: "{{description}}", visibility: {{visibility}}, criteria: { {{criteria}} } }) { cohortId } }
            """))["saveCohort"]!["cohortId"]!;
}
