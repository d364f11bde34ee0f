using System.Text.Json.Nodes;

namespace Graph.Reliability.Tests.Disclosure;

/// <summary>
/// Attacks on crossTab, whose cells count pairs of conditions: a cell of fewer than 5 restricted patients is never shown, padding a
/// small group with readable patients moves only the readable part, and the same cells asked in other words answer the same.
/// </summary>
[Collection(AttackCollection.Name)]
public sealed class CrossTabAttackTests(AttackService service)
{
    private const string Cells = "cells { value total { value readable restricted } columns { values { value count { value readable restricted } } missing { value readable restricted } other { value readable restricted } } } otherRows { readable restricted }";

    /// <summary>Over the restricted datasets, by sex and age, every cell the attacker sees with a restricted part counts at least 5 patients in truth.</summary>
    [Fact]
    public async Task SmallCells_OfRestrictedPatients_NeverShown()
    {
        const string Query = """{ crossTab(rows: "sex", columns: "ageAtDiagnosis", limit: 100, where: { patients: { datasets: { all: { accessTier: { eq: "restricted" } } } } }) { CELLS } }""";
        var truth = (await service.DataAsync(service.Admin, Query.Replace("CELLS", Cells, StringComparison.Ordinal)))["crossTab"]!["cells"]!.AsArray();
        var small = 0;
        foreach (var attacker in service.Attackers)
        {
            var shown = (await service.DataAsync(attacker, Query.Replace("CELLS", Cells, StringComparison.Ordinal)))["crossTab"]!["cells"]!.AsArray();
            foreach (var row in shown)
            {
                var exactRow = truth.First(r => (string?)r!["value"] == (string?)row!["value"]);
                foreach (var cell in row!["columns"]!["values"]!.AsArray())
                {
                    var exact = exactRow!["columns"]!["values"]!.AsArray().First(v => (string)v!["value"]! == (string)cell!["value"]!)!["count"]!["value"]!;
                    Assert.Equal(0, (int)cell!["count"]!["readable"]!);
                    Assert.True(cell["count"]!["restricted"] is null || (int)exact >= 5, $"A cell of {exact} restricted patients was shown as {cell["count"]!.ToJsonString()}.");
                }
            }

            small += truth.Sum(r => r!["columns"]!["values"]!.AsArray().Count(v => (int)v!["count"]!["value"]! is > 0 and < 5));
            var listed = shown.Sum(r => r!["columns"]!["values"]!.AsArray().Count);
            var exactListed = truth.Sum(r => r!["columns"]!["values"]!.AsArray().Count);
            Assert.True(listed < exactListed, "Cells of few restricted patients should be withheld, not listed.");
        }

        Assert.True(small > 0, "The demo catalogue should have small cells among restricted patients.");
    }

    /// <summary>Padding a hidden group of 2-4 restricted patients with k readable patients moves only the readable part by exactly k; the protected part stays withheld.</summary>
    [Fact]
    public async Task Padding_SmallGroup_MovesOnlyTheReadablePart()
    {
        var group = service.SmallGroup();
        foreach (var attacker in service.Attackers)
        {
            for (var k = 0; k <= 6; k += 2)
            {
                var padding = string.Join(", ", service.OpenPseudonyms.Take(k).Select(p => $"\"{p}\""));
                var criteria = k == 0 ? group : $"or: [{{ {group} }}, {{ pseudonym: {{ in: [{padding}] }} }}]";
                var cells = (await service.DataAsync(attacker, $$"""{ crossTab(rows: "sex", columns: "vitalStatus", where: { patients: { {{criteria}} } }) { {{Cells}} } }"""))["crossTab"]!["cells"]!.AsArray();
                var readable = 0;
                foreach (var row in cells)
                {
                    Assert.Null(row!["total"]!["restricted"]);
                    foreach (var cell in row["columns"]!["values"]!.AsArray())
                    {
                        Assert.Null(cell!["count"]!["restricted"]);
                        readable += (int)cell["count"]!["readable"]!;
                    }

                    Assert.Null(row["columns"]!["missing"]!["restricted"]);
                    readable += (int)row["columns"]!["missing"]!["readable"]!;
                }

                Assert.Equal(k, readable);
            }
        }
    }

    /// <summary>The same table asked again, with rows and columns swapped, or with the criteria reordered, gives the same cells: there is nothing to average.</summary>
    [Fact]
    public async Task SameCells_AskedInOtherWords_SameAnswers()
    {
        const string Criteria = """patients: { ageAtDiagnosis: { gte: 50 }, sex: { eq: "F" } }""";
        const string Reordered = """patients: { sex: { eq: "F" }, ageAtDiagnosis: { gt: 49 } }""";
        var attacker = service.Researcher;
        var table = (await service.DataAsync(attacker, $$"""{ crossTab(rows: "cancerTypes.code", columns: "datasets.slug", limit: 100, where: { {{Criteria}} }) { {{Cells}} } }"""))["crossTab"]!;
        var again = (await service.DataAsync(attacker, $$"""{ crossTab(rows: "cancerTypes.code", columns: "datasets.slug", limit: 100, where: { {{Reordered}} }) { {{Cells}} } }"""))["crossTab"]!;
        Assert.Equal(table.ToJsonString(), again.ToJsonString());
        var swapped = (await service.DataAsync(attacker, $$"""{ crossTab(rows: "datasets.slug", columns: "cancerTypes.code", limit: 100, where: { {{Criteria}} }) { {{Cells}} } }"""))["crossTab"]!["cells"]!.AsArray();
        var compared = 0;
        foreach (var row in table["cells"]!.AsArray().Where(r => r!["value"] is not null))
        {
            foreach (var cell in row!["columns"]!["values"]!.AsArray())
            {
                var mirror = swapped.FirstOrDefault(r => (string?)r!["value"] == (string)cell!["value"]!)?["columns"]!["values"]!.AsArray()
                    .FirstOrDefault(v => (string)v!["value"]! == (string)row["value"]!);
                if (mirror is null)
                    continue;
                Assert.Equal(cell!["count"]!.ToJsonString(), mirror["count"]!.ToJsonString());
                compared++;
            }
        }

        Assert.True(compared > 5, $"Only {compared} cells could be compared.");
    }
}
