using Graph.Api.Schema.Execution;
using Graph.Catalog.Querying;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>Output types of facets, histograms and text search over the records the caller may read (exact: they count nothing else).</summary>
internal sealed class SearchGraphTypes
{
    public SearchGraphTypes(InterfaceGraphType node)
    {
        FacetValue = new ObjectGraphType<FacetValue> { Name = "FacetValue", Description = "A value of a facet and how many of the caller's readable nodes have it." };
        Add(FacetValue, "value", Scalars.String, true, "The value (numbers as text).", v => v.Value);
        Add(FacetValue, "label", Scalars.String, false, "A display label when the value is a code.", v => v.Label ?? v.Value);
        Add(FacetValue, "count", Scalars.Int, true, "Nodes with the value.", v => v.Count);

        Facet = new ObjectGraphType<FacetResult> { Name = "Facet", Description = "Counts per value of one field over the records the caller may read." };
        Add(Facet, "field", Scalars.String, true, "The facet field path.", f => f.Field);
        Add(Facet, "values", new ListGraphType(new NonNullGraphType(FacetValue)), true, "The most frequent values, most frequent first.", f => f.Values);
        Add(Facet, "missing", Scalars.Int, true, "Nodes with no value.", f => f.Missing);
        Add(Facet, "other", Scalars.Int, true, "Counts of the values beyond the limit, added up.", f => f.Other);
        Add(Facet, "distinctValues", Scalars.Int, true, "The number of distinct values.", f => f.Distinct);

        var bin = new ObjectGraphType<HistogramBin> { Name = "HistogramBin", Description = "Values from 'from' (inclusive) to 'to' (exclusive; inclusive for the last bin of a bin-count histogram)." };
        Add(bin, "from", Scalars.Float, true, "Lower bound.", b => b.From);
        Add(bin, "to", Scalars.Float, true, "Upper bound.", b => b.To);
        Add(bin, "count", Scalars.Int, true, "Nodes in the bin.", b => b.Count);
        Histogram = new ObjectGraphType<HistogramResult> { Name = "Histogram", Description = "The distribution of a numeric field over the records the caller may read." };
        Add(Histogram, "field", Scalars.String, true, "The field path.", h => h.Field);
        Add(Histogram, "count", Scalars.Int, true, "Nodes with a value.", h => h.Count);
        Add(Histogram, "missing", Scalars.Int, true, "Nodes with no value.", h => h.Missing);
        Add(Histogram, "min", Scalars.Float, false, "Smallest value.", h => h.Min);
        Add(Histogram, "max", Scalars.Float, false, "Largest value.", h => h.Max);
        Add(Histogram, "mean", Scalars.Float, false, "Mean value.", h => h.Mean);
        Add(Histogram, "sum", Scalars.Float, false, "The values added up (total bytes of sizeBytes, for instance).", h => h.Sum);
        Add(Histogram, "bins", new ListGraphType(new NonNullGraphType(bin)), true, "The bins, ascending.", h => h.Bins);

        var hit = new ObjectGraphType<SearchHit> { Name = "SearchHit", Description = "A node found by text search." };
        Add(hit, "node", node, true, "The node.", h => h.Node);
        Add(hit, "score", Scalars.Float, true, "Higher is better: whole words over prefixes, titles over descriptions.", h => h.Score);
        Add(hit, "field", Scalars.String, true, "The field that matched best.", h => h.Field);
        Add(hit, "text", Scalars.String, true, "That field's text.", h => h.Text);
        AddCursor(hit, "cursor", true, "Pass to after to get the hits that follow this one.", h => h.Cursor);
        var span = new ObjectGraphType<TextSpan> { Name = "TextSpan", Description = "A part of a text, in UTF-16 code units." };
        Add(span, "start", Scalars.Int, true, "Where the part starts (0 is the first character).", t => t.Start);
        Add(span, "length", Scalars.Int, true, "How long it is.", t => t.Length);
        Add(hit, "highlights", new ListGraphType(new NonNullGraphType(span)), true, "The words of text that matched, to highlight.", h => h.Highlights);
        var kindCount = new ObjectGraphType<KeyValuePair<string, int>> { Name = "KindCount", Description = "How many hits of one node kind." };
        Add(kindCount, "kind", Scalars.String, true, "The node kind.", k => k.Key);
        Add(kindCount, "count", Scalars.Int, true, "Hits of that kind.", k => k.Value);
        SearchResult = new ObjectGraphType<SearchResult> { Name = "SearchResult", Description = "The result of a text search over the records the caller may read." };
        Add(SearchResult, "totalCount", Scalars.Int, true, "Nodes that matched.", r => r.TotalCount);
        Add(SearchResult, "byKind", new ListGraphType(new NonNullGraphType(kindCount)), true, "Matches per node kind.", r => r.CountsByKind);
        Add(SearchResult, "hits", new ListGraphType(new NonNullGraphType(hit)), true, "The best hits after the cursor, best first.", r => r.Hits);
        Add(SearchResult, "hasNextPage", Scalars.Boolean, true, "Whether more hits follow this page.", r => r.HasNextPage);
        AddCursor(SearchResult, "endCursor", false, "The cursor of the page's last hit: pass it to after for the next page.", r => r.EndCursor);
    }

    public ObjectGraphType<FacetValue> FacetValue { get; }

    public ObjectGraphType<FacetResult> Facet { get; }

    public ObjectGraphType<HistogramResult> Histogram { get; }

    public ObjectGraphType<SearchResult> SearchResult { get; }

    // Callers are given sealed cursors, which say nothing of where a record lies among those they may not read.
    private static void AddCursor<TSource>(ObjectGraphType<TSource> type, string name, bool nonNull, string description, Func<TSource, string?> cursor) =>
        type.AddField(new FieldType
        {
            Name = name,
            ResolvedType = nonNull ? new NonNullGraphType(Scalars.String) : Scalars.String,
            Description = description,
            Resolver = new FuncFieldResolver<TSource, object?>(c => CatalogRequest.From(c).Cursors.Seal(cursor(c.Source))),
        }).Disclosed(DisclosureKind.Readable);

    // Every figure of these types is computed over the caller's view of the catalogue.
    private static void Add<TSource>(ObjectGraphType<TSource> type, string name, IGraphType graphType, bool nonNull, string description, Func<TSource, object?> resolve) =>
        AggregateGraphTypes.Add(type, name, graphType, nonNull, description, resolve).Disclosed(DisclosureKind.Readable);
}
