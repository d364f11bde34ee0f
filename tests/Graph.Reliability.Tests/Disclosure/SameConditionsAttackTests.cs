using Xunit.Abstractions;

namespace Graph.Reliability.Tests.Disclosure;

/// <summary>
/// An outside review's attack: two questions built from the same conditions, "T or G" and "(T and G) or G", where no patient of T
/// can be in dataset G. Sticky noise answered both alike when T selected no restricted patient and differently when it did, so one
/// request told whether a restricted patient with T's attributes exists, and the difference averaged over chaff counted small
/// groups exactly. Conditions that set apart fewer restricted patients than the threshold are now dropped before the protected
/// part is counted.
/// </summary>
[Collection(AttackCollection.Name)]
public sealed class SameConditionsAttackTests(AttackService service, ITestOutputHelper output)
{
    [Fact]
    public async Task ExistenceOracle_TargetKilledByARepeatedCondition_SameAnswerWhetherThePatientsExistOrNot()
    {
        var (slug, guard, probes) = Probes();
        await AnsweredAlikeAsync(probes, (sex, age) =>
        {
            var target = Target(slug, sex, age);
            return ($"patients: {{ or: [{{ {target} }}, {guard}] }}", $"patients: {{ or: [{{ {target}, and: [{guard}] }}, {guard}] }}");
        });
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ExistenceOracle_PaddedWithConditionsThatRepeatEachOther_SameAnswerWhetherThePatientsExistOrNot(int repeats)
    {
        // Conditions that repeat each other are kept when dropping them all would change the question: the attacker pads both
        // questions with some, hoping the target's condition is kept with them.
        var (slug, guard, probes) = Probes();
        var padding = string.Join(", ", new[] { "{ ageAtDiagnosis: { gte: 40 } }", "{ ageAtDiagnosis: { gt: 39 } }", "{ not: { ageAtDiagnosis: { lte: 39 } } }" }.Take(repeats));
        await AnsweredAlikeAsync(probes, (sex, age) =>
        {
            var target = Target(slug, sex, age);
            return ($"patients: {{ and: [{{ or: [{{ {target} }}, {guard}] }}, {padding}] }}", $"patients: {{ and: [{{ or: [{{ {target}, and: [{guard}] }}, {guard}] }}, {padding}] }}");
        });
    }

    [Fact]
    public async Task ExistenceOracle_TargetExcludedBesideConditionsThatRepeatEachOther_SameAnswerWhetherThePatientsExistOrNot()
    {
        // "G or (D and D and not T)" against "G or (D and D)": the two D stay (dropping both would count every dataset), and a
        // rule that judged "not T" against the question without them would keep it too, excluding T's patients only when they
        // exist.
        var (slug, guard, probes) = Probes();
        var dataset = $"{{ datasets: {{ some: {{ slug: {{ eq: \"{slug}\" }} }} }} }}";
        await AnsweredAlikeAsync(probes, (sex, age) =>
        {
            var target = $"{{ not: {{ sex: {{ eq: \"{sex}\" }}, ageAtDiagnosis: {{ eq: {age} }} }} }}";
            return ($"patients: {{ or: [{guard}, {{ and: [{dataset}, {dataset}, {target}] }}] }}", $"patients: {{ or: [{guard}, {{ and: [{dataset}, {dataset}] }}] }}");
        });
    }

    [Fact]
    public async Task CountingByChaff_DifferenceOfTheTwoQuestions_AlwaysNothing()
    {
        var (slug, guard, probes) = Probes();
        var (sex, age, truth) = probes.First(p => p.Truth > 0);
        var chaffSlug = service.RestrictedPatients.Select(p => (string)p["datasets"]!["nodes"]![0]!["slug"]!)
            .First(s => s != slug && !guard.Contains(s, StringComparison.Ordinal));
        var target = Target(slug, sex, age);
        foreach (var attacker in service.Attackers)
        {
            var differing = 0;
            for (var low = 20; low < 80; low += 4)
            {
                // Chaff: restricted patients of a third dataset in an age window, a new set each time (a new draw of the noise
                // seeded by the patients selected, which the attacker averages away).
                var chaff = $"{{ datasets: {{ some: {{ slug: {{ eq: \"{chaffSlug}\" }} }} }}, ageAtDiagnosis: {{ gte: {low}, lte: {low + 3} }} }}";
                var a = await service.PreviewAsync(attacker, $"patients: {{ or: [{{ {target} }}, {guard}, {chaff}] }}");
                var b = await service.PreviewAsync(attacker, $"patients: {{ or: [{{ {target}, and: [{guard}] }}, {guard}, {chaff}] }}");
                differing += a == b ? 0 : 1;
            }

            output.WriteLine($"{truth} restricted patients: {differing} of 15 pairs differ");
            Assert.Equal(0, differing);
        }
    }

    [Fact]
    public async Task ExistenceOracle_TargetWhoseOwnSexConditionSetsApartFewer_SameAnswerWhetherThePatientsExistOrNot()
    {
        // Dropped one after another, the fewest first, T's sex condition (the other sex at T's age, fewer patients than T) went
        // before T, after which T without it set apart the threshold and stayed: the answers differed only because T's patients
        // exist (2 of 14 such targets told apart at launch scale).
        var targets = service.RestrictedPatients.Where(p => p["ageAtDiagnosis"] is not null && p["sex"] is not null)
            .GroupBy(p => ((string)p["datasets"]!["nodes"]![0]!["slug"]!, (int)p["ageAtDiagnosis"]!))
            .SelectMany(g => new[] { "F", "M" }.Select(sex => (Slug: g.Key.Item1, Age: g.Key.Item2, Sex: sex, Truth: g.Count(p => (string?)p["sex"] == sex), Others: g.Count(p => (string?)p["sex"] != sex))))
            .Where(t => t.Truth is > 0 and < 5 && t.Others < t.Truth && t.Truth + t.Others >= 5)
            .OrderBy(t => (t.Slug, t.Age, t.Sex)).Take(6).ToList();
        Assert.NotEmpty(targets);
        foreach (var attacker in service.Attackers)
        {
            foreach (var (slug, age, sex, truth, others) in targets)
            {
                var guardSlug = service.RestrictedPatients.Select(p => (string)p["datasets"]!["nodes"]![0]!["slug"]!).GroupBy(s => s)
                    .Where(g => g.Key != slug).MaxBy(g => g.Count())!.Key;
                var guard = $"{{ datasets: {{ some: {{ slug: {{ eq: \"{guardSlug}\" }} }} }} }}";
                var target = Target(slug, sex, age);
                var a = await service.PreviewAsync(attacker, $"patients: {{ or: [{{ {target} }}, {guard}] }}");
                var b = await service.PreviewAsync(attacker, $"patients: {{ or: [{{ {target}, and: [{guard}] }}, {guard}] }}");
                output.WriteLine($"{slug} {sex} {age}: {truth} patients, {others} of the other sex: {(a == b ? "same" : "different")}");
                Assert.True(a == b, $"{(attacker is null ? "anonymous" : "researcher")} told {slug} {sex} {age} ({truth} restricted patients, {others} of the other sex) apart: {a} / {b}");
            }
        }
    }

    private static string Target(string slug, string sex, int age) =>
        $"datasets: {{ some: {{ slug: {{ eq: \"{slug}\" }} }} }}, sex: {{ eq: \"{sex}\" }}, ageAtDiagnosis: {{ eq: {age} }}";

    // Both questions of each probe, asked by each attacker, answered alike.
    private async Task AnsweredAlikeAsync(List<(string Sex, int Age, int Truth)> probes, Func<string, int, (string A, string B)> questions)
    {
        foreach (var attacker in service.Attackers)
        {
            var told = new List<string>();
            foreach (var (sex, age, truth) in probes)
            {
                var (first, second) = questions(sex, age);
                var a = await service.PreviewAsync(attacker, first);
                var b = await service.PreviewAsync(attacker, second);
                told.Add($"{sex} {age} ({truth} patients): {(a == b ? "same" : "different")}");
                Assert.True(a == b, $"{(attacker is null ? "anonymous" : "researcher")} told {sex}, age {age} ({truth} restricted patients) apart: {a} / {b}");
            }

            output.WriteLine(string.Join("; ", told));
        }
    }

    // The largest restricted dataset, another as the guard (a patient is in one dataset, and the guard's patients are many enough
    // to be counted), and (sex, age) probes in the first: some held by one to four restricted patients, some by none.
    private (string Slug, string Guard, List<(string Sex, int Age, int Truth)> Probes) Probes()
    {
        var bySize = service.RestrictedPatients.GroupBy(p => (string)p["datasets"]!["nodes"]![0]!["slug"]!).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var slug = bySize[0];
        var guard = $"{{ datasets: {{ some: {{ slug: {{ eq: \"{bySize[1]}\" }} }} }} }}";
        var probes = new List<(string, int, int)>();
        foreach (var sex in new[] { "F", "M" })
        {
            for (var age = 40; age < 90 && probes.Count(p => p.Item3 > 0) < 4; age++)
            {
                var truth = service.RestrictedPatients.Count(p =>
                    (string)p["datasets"]!["nodes"]![0]!["slug"]! == slug && (string?)p["sex"] == sex && (int?)p["ageAtDiagnosis"] == age);
                if (truth < 5 && (truth > 0 || probes.Count(p => p.Item3 == 0) < 4))
                    probes.Add((sex, age, truth));
            }
        }

        Assert.Contains(probes, p => p.Item3 == 0);
        Assert.Contains(probes, p => p.Item3 > 0);
        return (slug, guard, probes);
    }
}
