using Graph.Domain;
using Graph.Ingest.Mappings;
using Graph.Ingest.Tests.Mappings;
using Graph.Ingest.Vocabulary;
using Graph.Store;

namespace Graph.Ingest.Tests.Vocabulary;

/// <summary>Reference data reaches every catalogue once, adds only what is missing and never brings back what was removed.</summary>
public sealed class ReferenceDataTests
{
    [Fact]
    public async Task Ensure_EmptyStore_AddsCancerTypesAndVocabularyOnce()
    {
        await using var store = await MappingStore.CreateAsync();
        var first = await ReferenceData.EnsureAsync(store.Store, store.Writer, CancellationToken.None);
        Assert.NotNull(first);
        var stats = await store.Store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(9, stats.Nodes.GetValueOrDefault("CancerType"));
        Assert.Equal(SeedVocabulary.Concepts.Count, stats.Nodes.GetValueOrDefault("Concept"));
        var source = await MappingSetSource.ReadAsync(store.Store, CancellationToken.None);
        Assert.Equal(SeedVocabulary.Mappings.Mappings.Count, source.Mappings.Count);

        var sequence = await store.Store.GetSequenceAsync(CancellationToken.None);
        Assert.Null(await ReferenceData.EnsureAsync(store.Store, store.Writer, CancellationToken.None));
        Assert.Equal(sequence, await store.Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public void Plan_EverythingHeld_IsEmpty() => Assert.True(ReferenceData.Plan(_ => true).IsEmpty);

    [Fact]
    public void Plan_OneConceptMissing_AddsItAndOnlyTheLinksTouchingIt()
    {
        var missing = SeedVocabulary.Concepts.First(c => c.CodedBy.Count > 0 && c.Broader is null);
        var set = ReferenceData.Plan(node => node.Key != missing.Curie);

        Assert.Equal([missing.Curie], set.Nodes.Select(n => n.Key));
        Assert.NotEmpty(set.Edges);
        Assert.All(set.Edges, e => Assert.True(e.From.Key == missing.Curie || e.To.Key == missing.Curie, e.ToString()));
        Assert.Contains(set.Edges, e => e.Type == "CODED_AS" && e.From.Label == "CancerType");
        Assert.Empty(GraphWriter.Validate(set));
    }

    [Fact]
    public async Task Ensure_MappingRemovedBetweenHeldConcepts_IsNotBroughtBack()
    {
        await using var store = await MappingStore.CreateAsync();
        await ReferenceData.EnsureAsync(store.Store, store.Writer, CancellationToken.None);
        var mapping = SeedVocabulary.Mappings.Mappings[0];
        var removal = new ChangeSet();
        removal.DeletedEdges.Add(new EdgeRecord("MAPS_TO", new NodeRef("Concept", mapping.SubjectId), new NodeRef("Concept", mapping.ObjectId), new Dictionary<string, object?>()));
        await store.Writer.WriteAsync(removal, CancellationToken.None);

        Assert.Null(await ReferenceData.EnsureAsync(store.Store, store.Writer, CancellationToken.None));
        var source = await MappingSetSource.ReadAsync(store.Store, CancellationToken.None);
        Assert.Equal(SeedVocabulary.Mappings.Mappings.Count - 1, source.Mappings.Count);
    }
}
