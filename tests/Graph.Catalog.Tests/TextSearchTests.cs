using Graph.Catalog.Querying;

namespace Graph.Catalog.Tests;

/// <summary>Text search keeps only the best hits: they must be the head of the whole ranking, whatever <c>first</c> is.</summary>
public sealed class TextSearchTests
{
    [Theory]
    [InlineData(3, "dataset")]
    [InlineData(17, "dataset")]
    [InlineData(42, "data")]
    public void Search_FewerHitsAsked_GivesTheHeadOfTheWholeRanking(int seed, string text)
    {
        var snapshot = Catalogues.Get(seed).Snapshot;

        var all = TextSearch.Search(snapshot, text, null, 10_000);
        var head = TextSearch.Search(snapshot, text, null, 2);

        Assert.True(all.TotalCount > 2, $"the random catalogue {seed} should have more than 2 hits for '{text}'");
        Assert.Equal(all.TotalCount, all.Hits.Count);
        Assert.Equal(all.TotalCount, head.TotalCount);
        Assert.Equal(all.Hits.Take(2).Select(h => h.Node.Key), head.Hits.Select(h => h.Node.Key));
        for (var i = 1; i < all.Hits.Count; i++)
            Assert.True(all.Hits[i - 1].Score >= all.Hits[i].Score, $"hit {i} scores {all.Hits[i].Score} after {all.Hits[i - 1].Score}");
        Assert.Equal(all.Hits.Count, all.CountsByKind.Values.Sum());
    }

    [Fact]
    public void Search_TiedScores_KeepRowOrder()
    {
        var snapshot = Catalogues.Get(5).Snapshot;

        var hits = TextSearch.Search(snapshot, "dataset", ["Dataset"], 10_000).Hits;

        var keys = hits.Select(h => h.Node.Key).ToList();
        var rows = keys.Select(k => snapshot.Table(Domain.GraphModel.Dataset).Ordinals[k]).ToList();
        Assert.Equal(rows.Order(), rows);
        Assert.Empty(TextSearch.Search(snapshot, "dataset", null, 0).Hits);
    }

    // Series descriptions: words that many series share, with scores that differ by description (whole word, prefix, typo).
    [Theory]
    [InlineData("axial")]
    [InlineData("t2")]
    [InlineData("ax")]
    [InlineData("flaire")]
    [InlineData("post")]
    public void Search_PagedByCursor_WalksTheWholeRankingWithItsCounts(string word)
    {
        // Each catalogue with some series deleted (their nodes are checked one by one) and built afresh from its live records
        // (every node live: a value's nodes that cannot make the page are counted by the length of their list).
        var snapshots = new[] { 1, 8, 23 }.SelectMany(seed => new[] { Catalogues.Get(seed).Snapshot, Catalogues.Get(seed).FromScratch() });
        Assert.Contains(snapshots, s => s.Table(Domain.GraphModel.Series).LiveCount < s.Table(Domain.GraphModel.Series).Count);
        Assert.Contains(snapshots, s => s.Table(Domain.GraphModel.Series).LiveCount == s.Table(Domain.GraphModel.Series).Count);
        foreach (var snapshot in snapshots)
        {
            var whole = TextSearch.Search(snapshot, word, ["Series", "Study"], 10_000);
            Assert.True(whole.TotalCount > 3, $"a catalogue has {whole.TotalCount} hits for '{word}', too few for pages of 3");
            foreach (var first in new[] { 1, 2, 3 })
            {
                var walked = new List<string>();
                string? after = null;
                while (true)
                {
                    var page = TextSearch.Search(snapshot, word, ["Series", "Study"], first, after);
                    Assert.Equal(whole.TotalCount, page.TotalCount);
                    walked.AddRange(page.Hits.Select(h => $"{h.Node.Kind.Label}:{h.Node.Key}"));
                    Assert.Equal(walked.Count < whole.TotalCount, page.HasNextPage);
                    if (!page.HasNextPage)
                        break;
                    after = page.EndCursor;
                }

                Assert.Equal(whole.Hits.Select(h => $"{h.Node.Kind.Label}:{h.Node.Key}"), walked);
            }
        }
    }
}
