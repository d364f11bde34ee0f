using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>The clause cache under a stream of requests that never repeat: one-off clauses must not fill it and shut out the
/// clauses that recur (each facet click repeats the dataset, modality or sex the user chose before).</summary>
public sealed class ClauseCacheTests
{
    [Fact]
    public void OneOffClauses_ThenARecurringOne_TheRecurringOneIsKept()
    {
        var snapshot = new RandomCatalogue(5).Snapshot;
        var recurring = new FieldFilter("modality", FilterOperator.Eq, "MR");
        var expected = FilterEvaluator.Evaluate(snapshot, GraphModel.Series, recurring);

        for (var i = 0; i < 5_000; i++)
            _ = new Clauses(snapshot, GraphModel.Series, new FieldFilter("sliceThickness", FilterOperator.Gte, 0.001 * i)).All();
        var before = snapshot.Derived.Count;
        var first = new Clauses(snapshot, GraphModel.Series, recurring).All();
        var second = new Clauses(snapshot, GraphModel.Series, recurring).All();
        var third = new Clauses(snapshot, GraphModel.Series, recurring).All();

        Assert.True(before < 100, $"{before} values kept after one-off clauses only");
        Assert.Equal(before + 1, snapshot.Derived.Count);
        Assert.All(new[] { first, second, third }, set => Assert.Equal(expected.Ordinals(), set.Ordinals()));
    }

    [Fact]
    public void FullCache_ARecurringClause_ReplacesTheOldestAndTheCountStaysBounded()
    {
        var snapshot = new RandomCatalogue(6).Snapshot;
        var capacity = Clauses.Capacity(snapshot);
        for (var i = 0; i < capacity + 100; i++)
        {
            var filter = new FieldFilter("sliceThickness", FilterOperator.Gte, 0.001 * i);
            _ = new Clauses(snapshot, GraphModel.Series, filter).All();
            _ = new Clauses(snapshot, GraphModel.Series, filter).All();
        }

        var recurring = new FieldFilter("modality", FilterOperator.Eq, "CT");
        var expected = FilterEvaluator.Evaluate(snapshot, GraphModel.Series, recurring);
        var first = Clauses.Cached(snapshot, GraphModel.Series, recurring);
        var second = Clauses.Cached(snapshot, GraphModel.Series, recurring);
        var third = Clauses.Cached(snapshot, GraphModel.Series, recurring);

        Assert.Same(second, third); // Kept on its second request, though the cache was full.
        Assert.InRange(snapshot.Derived.Count, capacity - 1, capacity);
        Assert.All(new[] { first, second, third }, set => Assert.Equal(expected.Ordinals(), set.Ordinals()));
    }

    [Fact]
    public void StreamThatChurnsTheCache_EveryAnswer_IsTheUncachedOne()
    {
        // Far more recurring clauses than the cache holds, asked in a random order: results are kept, dropped and computed
        // again, and whatever the cache holds at each request, the answer must be the evaluation without it.
        var snapshot = new RandomCatalogue(8).Snapshot;
        var capacity = Clauses.Capacity(snapshot);
        var random = new Random(3);
        var filters = Enumerable.Range(0, capacity * 2)
            .Select(i => (Filter)(i % 3 == 0
                ? new FieldFilter("modality", FilterOperator.In, new object?[] { RandomCatalogue.Modalities[i % 4], RandomCatalogue.Modalities[(i / 4) % 4], $"X{i}" })
                : new FieldFilter("sliceThickness", FilterOperator.Lte, 0.001 * i)))
            .ToList();
        for (var request = 0; request < capacity * 6; request++)
        {
            var filter = filters[random.Next(filters.Count)];
            var answer = Clauses.Cached(snapshot, GraphModel.Series, filter);
            if (request % 97 == 0 || request >= capacity * 6 - 200)
                Assert.Equal(FilterEvaluator.Evaluate(snapshot, GraphModel.Series, filter).Ordinals(), answer.Ordinals());
        }

        Assert.InRange(snapshot.Derived.Count, 1, capacity);
    }
}
