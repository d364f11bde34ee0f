using Graph.Catalog.Querying;
using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>Output types of facets, histograms and text search.</summary>
internal sealed class SearchGraphTypes
{
    public SearchGraphTypes(InterfaceGraphType node)
    {
        FacetValue = new ObjectGraphType { Name = "FacetValue", Description = "A value of a facet and how many nodes have it." };
        ConnectionGraphTypes.Add(FacetValue, "value", new NonNullGraphType(Scalars.String), "The value (numbers as text).", c => ((FacetValueView)c.Source!).Value.Value);
        ConnectionGraphTypes.Add(FacetValue, "label", Scalars.String, "A display label when the value is a code.", c => ((FacetValueView)c.Source!).Value.Label ?? ((FacetValueView)c.Source!).Value.Value);
        ConnectionGraphTypes.Add(FacetValue, "count", Scalars.Int, Protected("Nodes with the value."), c => ((FacetValueView)c.Source!).Count);

        Facet = new ObjectGraphType { Name = "Facet", Description = "Counts per value of one field." };
        ConnectionGraphTypes.Add(Facet, "field", new NonNullGraphType(Scalars.String), "The facet field path.", c => ((FacetView)c.Source!).Result.Field);
        ConnectionGraphTypes.Add(Facet, "values", new NonNullGraphType(new ListGraphType(new NonNullGraphType(FacetValue))), "The most frequent values, most frequent first.", c => ((FacetView)c.Source!).Values);
        ConnectionGraphTypes.Add(Facet, "missing", Scalars.Int, Protected("Nodes with no value."), c => ((FacetView)c.Source!).Protect(((FacetView)c.Source!).Result.Missing));
        ConnectionGraphTypes.Add(Facet, "other", Scalars.Int, Protected("Counts of the values beyond the limit, added up."), c => ((FacetView)c.Source!).Protect(((FacetView)c.Source!).Result.Other));
        ConnectionGraphTypes.Add(Facet, "distinctValues", new NonNullGraphType(Scalars.Int), "The number of distinct values.", c => ((FacetView)c.Source!).Result.Distinct);

        var bin = new ObjectGraphType { Name = "HistogramBin", Description = "Values from 'from' (inclusive) to 'to' (exclusive; inclusive for the last bin of a bin-count histogram)." };
        ConnectionGraphTypes.Add(bin, "from", new NonNullGraphType(Scalars.Float), "Lower bound.", c => ((HistogramBin)c.Source!).From);
        ConnectionGraphTypes.Add(bin, "to", new NonNullGraphType(Scalars.Float), "Upper bound.", c => ((HistogramBin)c.Source!).To);
        ConnectionGraphTypes.Add(bin, "count", new NonNullGraphType(Scalars.Int), "Nodes in the bin.", c => ((HistogramBin)c.Source!).Count);
        Histogram = new ObjectGraphType { Name = "Histogram", Description = "The distribution of a numeric field." };
        ConnectionGraphTypes.Add(Histogram, "field", new NonNullGraphType(Scalars.String), "The field path.", c => ((HistogramResult)c.Source!).Field);
        ConnectionGraphTypes.Add(Histogram, "count", new NonNullGraphType(Scalars.Int), "Nodes with a value.", c => ((HistogramResult)c.Source!).Count);
        ConnectionGraphTypes.Add(Histogram, "missing", new NonNullGraphType(Scalars.Int), "Nodes with no value.", c => ((HistogramResult)c.Source!).Missing);
        ConnectionGraphTypes.Add(Histogram, "min", Scalars.Float, "Smallest value.", c => ((HistogramResult)c.Source!).Min);
        ConnectionGraphTypes.Add(Histogram, "max", Scalars.Float, "Largest value.", c => ((HistogramResult)c.Source!).Max);
        ConnectionGraphTypes.Add(Histogram, "mean", Scalars.Float, "Mean value.", c => ((HistogramResult)c.Source!).Mean);
        ConnectionGraphTypes.Add(Histogram, "sum", Scalars.Float, "The values added up (total bytes of sizeBytes, for instance).", c => ((HistogramResult)c.Source!).Sum);
        ConnectionGraphTypes.Add(Histogram, "bins", new NonNullGraphType(new ListGraphType(new NonNullGraphType(bin))), "The bins, ascending.", c => ((HistogramResult)c.Source!).Bins);

        var hit = new ObjectGraphType { Name = "SearchHit", Description = "A node found by text search." };
        ConnectionGraphTypes.Add(hit, "node", new NonNullGraphType(node), "The node.", c => ((SearchHit)c.Source!).Node);
        ConnectionGraphTypes.Add(hit, "score", new NonNullGraphType(Scalars.Float), "Higher is better: whole words over prefixes, titles over descriptions.", c => ((SearchHit)c.Source!).Score);
        ConnectionGraphTypes.Add(hit, "field", new NonNullGraphType(Scalars.String), "The field that matched best.", c => ((SearchHit)c.Source!).Field);
        ConnectionGraphTypes.Add(hit, "text", new NonNullGraphType(Scalars.String), "That field's text.", c => ((SearchHit)c.Source!).Text);
        var kindCount = new ObjectGraphType { Name = "KindCount", Description = "How many hits of one node kind." };
        ConnectionGraphTypes.Add(kindCount, "kind", new NonNullGraphType(Scalars.String), "The node kind.", c => ((KeyValuePair<string, int>)c.Source!).Key);
        ConnectionGraphTypes.Add(kindCount, "count", new NonNullGraphType(Scalars.Int), "Hits of that kind.", c => ((KeyValuePair<string, int>)c.Source!).Value);
        SearchResult = new ObjectGraphType { Name = "SearchResult", Description = "The result of a text search." };
        ConnectionGraphTypes.Add(SearchResult, "totalCount", new NonNullGraphType(Scalars.Int), "Nodes that matched.", c => ((SearchResult)c.Source!).TotalCount);
        ConnectionGraphTypes.Add(SearchResult, "byKind", new NonNullGraphType(new ListGraphType(new NonNullGraphType(kindCount))), "Matches per node kind.", c => ((SearchResult)c.Source!).CountsByKind);
        ConnectionGraphTypes.Add(SearchResult, "hits", new NonNullGraphType(new ListGraphType(new NonNullGraphType(hit))), "The best hits, best first.", c => ((SearchResult)c.Source!).Hits);
    }

    public ObjectGraphType FacetValue { get; }

    /// <summary>The description of a count that aggregate answers protect for callers who may not read every record.</summary>
    public static string Protected(string description) =>
        $"{description} In aggregate answers (cohortPreview, compareCohorts, catalogueStatistics) to callers who may not read every record, " +
        "counts from 1 to the suppression threshold - 1 are null and larger ones are rounded to a multiple of it.";

    public ObjectGraphType Facet { get; }

    public ObjectGraphType Histogram { get; }

    public ObjectGraphType SearchResult { get; }
}
