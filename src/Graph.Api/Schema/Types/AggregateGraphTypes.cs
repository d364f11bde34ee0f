using Graph.Api.Schema.Execution;
using Graph.Catalog.Disclosure;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>Output types of aggregate answers over the whole catalogue: protected counts, sizes and facets, record summaries, cohort comparison and drift.</summary>
internal sealed class AggregateGraphTypes
{
    public static readonly string[] DefaultPatientFacets = ["sex", "cancerTypes.code", "datasets.slug"];
    public static readonly string[] DefaultSeriesFacets = ["modality", "bodyPart", "manufacturer"];

    private const string ProtectedNote = "Over records of which the caller may read only some: the readable part is exact, the rest protected (README, Security).";

    public AggregateGraphTypes()
    {
        Count = new ObjectGraphType<ProtectedCount> { Name = "ProtectedCount", Description = $"A count. {ProtectedNote}" };
        Add(Count, "value", Scalars.Int, true, "The figure to show: the readable records plus the estimate of the others (the readable ones alone when that estimate is withheld).", c => (int)c.Value);
        Add(Count, "readable", Scalars.Int, true, "Records the caller may read, exactly.", c => (int)c.Readable);
        Add(Count, "restricted", Scalars.Int, false, "The protected estimate of the records the caller may not read: with noise, rounded; null when withheld (fewer than the threshold, zero included). 0 when the caller reads everything.", c => (int?)c.Restricted);
        Add(Count, "exact", Scalars.Boolean, true, "Whether the count is exact: the caller may read every record of the catalogue.", c => c.Exact);
        Add(Count, "text", Scalars.String, true, "The count in words: '2,345', 'about 2,200', 'fewer than 5', '1,234 + about 2,200'.", c => c.Text);

        Size = new ObjectGraphType<ProtectedSize> { Name = "ProtectedSize", Description = $"A size in bytes. {ProtectedNote}" };
        Add(Size, "value", Scalars.Long, true, "The figure to show: readable bytes plus the estimate of the others.", c => c.Value);
        Add(Size, "readable", Scalars.Long, true, "Bytes of the records the caller may read, exactly.", c => c.Readable);
        Add(Size, "restricted", Scalars.Long, false, "The protected estimate of the bytes of the other records (noise, three significant digits); null when withheld.", c => c.Restricted);
        Add(Size, "exact", Scalars.Boolean, true, "Whether the size is exact.", c => c.Exact);
        Add(Size, "text", Scalars.String, true, "The size in words: '1.2 TB', 'about 3.4 TB'.", c => c.Text);

        Protection = new ObjectGraphType<Protection> { Name = "Protection", Description = "How an aggregate answer was protected for its caller." };
        Add(Protection, "exact", Scalars.Boolean, true, "Whether the caller may read every record, so that every figure is exact.", p => p.Exact);
        Add(Protection, "threshold", Scalars.Int, true, "Parts counting records the caller may not read, from fewer patients than this, are withheld.", p => p.Threshold);
        Add(Protection, "roundingStep", Scalars.Int, true, "Protected parts are rounded to multiples of this.", p => p.RoundingStep);
        Add(Protection, "noiseScale", Scalars.Float, true, "The standard deviation of one layer of noise, in patients.", p => p.NoiseScale);
        Add(Protection, "limitedToReadable", new ListGraphType(new NonNullGraphType(Scalars.String)), true,
            "Conditions that name individual records (pseudonyms, UIDs, cohort membership): they matched only records the caller may read.", p => p.LimitedToReadable);

        FacetValue = new ObjectGraphType<ProtectedFacetValue> { Name = "ProtectedFacetValue", Description = "A listed value of a protected facet." };
        Add(FacetValue, "value", Scalars.String, true, "The value (numbers as text).", v => v.Value);
        Add(FacetValue, "label", Scalars.String, false, "A display label when the value is a code.", v => v.Label ?? v.Value);
        Add(FacetValue, "count", Count, true, "Nodes with the value.", v => v.Count);

        Facet = new ObjectGraphType<ProtectedFacet> { Name = "ProtectedFacet", Description = "Counts per value of one field over the whole catalogue, protected: values whose count is withheld for the caller are not listed." };
        Add(Facet, "field", Scalars.String, true, "The facet field path.", f => f.Field);
        Add(Facet, "values", new ListGraphType(new NonNullGraphType(FacetValue)), true, "The listed values, largest count first.", f => f.Values);
        Add(Facet, "missing", Count, true, "Nodes with no value.", f => f.Missing);
        Add(Facet, "other", Count, true, "Node-value pairs of the values not listed (beyond the limit, or withheld), added up.", f => f.Other);
        Add(Facet, "distinctValues", Scalars.Int, true, "The number of values that can be listed for the caller.", f => f.DistinctValues)
            .Disclosed(DisclosureKind.Protected);

        Summary = new ObjectGraphType<RecordSummary>
        {
            Name = "RecordSummary",
            Description = "Patients and their series counted over the whole catalogue: at every level, total size and facets. " + ProtectedNote,
        };
        Add(Summary, "patients", Count, true, "Patients.", s => s.Patients);
        Add(Summary, "studies", Count, true, "Studies that hold the series.", s => s.Studies);
        Add(Summary, "series", Count, true, "Series.", s => s.Series);
        Add(Summary, "datasets", Count, true, "Datasets that include the patients (those the datasets.slug facet lists).", s => s.Datasets);
        Add(Summary, "repositories", Count, true, "Repositories hosting those datasets.", s => s.Repositories);
        Add(Summary, "totalBytes", Size, true, "Size of the series, in bytes.", s => s.TotalBytes);
        Add(Summary, "catalogueVersion", Scalars.Long, true, "The catalogue change sequence evaluated.", s => s.CatalogueVersion).Disclosed(DisclosureKind.Public);
        Add(Summary, "protection", Protection, true, "How the figures were protected for this caller.", s => s.Protection);
        FacetField(Summary, "patientFacets", GraphModel.Patient, DefaultPatientFacets, s => s);
        FacetField(Summary, "seriesFacets", GraphModel.Series, DefaultSeriesFacets, s => s);

        var crossRow = new ObjectGraphType<ProtectedCrossTabRow> { Name = "CrossTabRow", Description = "One row of a cross-tabulation: the nodes with one row value, counted per column value." };
        Add(crossRow, "value", Scalars.String, false, "The row value (numbers as text); null for the row of nodes without a value.", r => r.Value);
        Add(crossRow, "label", Scalars.String, false, "A display label when the value is a code.", r => r.Label ?? r.Value);
        Add(crossRow, "total", Count, true, "Nodes with the row value: the figure the rows' facet gives.", r => r.Total);
        Add(crossRow, "columns", Facet, true, "The column values' counts over the row's nodes (cells), with the nodes missing a column value and the rest.", r => r.Columns);
        CrossTab = new ObjectGraphType<ProtectedCrossTab> { Name = "CrossTab", Description = "Counts per pair of values of two facet fields, each cell protected as a facet value is. " + ProtectedNote };
        Add(CrossTab, "rows", Scalars.String, true, "The facet field path of the rows.", t => t.Rows);
        Add(CrossTab, "columns", Scalars.String, true, "The facet field path of the columns.", t => t.Columns);
        Add(CrossTab, "cells", new ListGraphType(new NonNullGraphType(crossRow)), true, "The listed rows, largest first, then the row of nodes without a row value (value null).", t => t.Cells);
        Add(CrossTab, "otherRows", Count, true, "Node-value pairs of the row values not listed (beyond the limit, or withheld).", t => t.OtherRows);
        Summary.AddField(new FieldType
        {
            Name = "crossTab",
            Description = "Counts of the patients or series per pair of values of two facet fields (own, or of related nodes as facets allow), with missing values; protected like facets.",
            ResolvedType = new NonNullGraphType(CrossTab),
            Arguments = CrossTabArguments(),
            Resolver = new FuncFieldResolver<RecordSummary, object?>(c => CrossTabOf(c, c.Source)),
        }).Disclosed(DisclosureKind.Protected);

        var pair = new ObjectGraphType<(ProtectedFacet A, ProtectedFacet B)> { Name = "FacetComparison", Description = "One facet for two cohorts side by side." };
        Add(pair, "field", Scalars.String, true, "The facet field.", p => p.A.Field);
        Add(pair, "a", Facet, true, "The first cohort's counts.", p => p.A);
        Add(pair, "b", Facet, true, "The second cohort's counts.", p => p.B);
        Comparison = new ObjectGraphType<CohortOverlap> { Name = "CohortComparison", Description = "The overlap of two saved cohorts' patients and their distributions side by side. " + ProtectedNote };
        Add(Comparison, "onlyA", Count, true, "Patients only in the first.", o => o.OnlyA);
        Add(Comparison, "onlyB", Count, true, "Patients only in the second.", o => o.OnlyB);
        Add(Comparison, "both", Count, true, "Patients in both.", o => o.Both);
        Add(Comparison, "jaccard", Scalars.Float, true, "Both divided by either, over the patients the caller may read (0 when there are none).", o => o.Jaccard)
            .Disclosed(DisclosureKind.Readable);
        Add(Comparison, "a", Summary, true, "What the first holds.", o => o.A);
        Add(Comparison, "b", Summary, true, "What the second holds.", o => o.B);
        Comparison.AddField(new FieldType
        {
            Name = "facets",
            Description = "Patient facets of both cohorts.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(pair))),
            Arguments = FacetArguments(DefaultPatientFacets),
            Resolver = new FuncFieldResolver<CohortOverlap, object?>(c =>
            {
                var (fields, limit) = (c.GetArgument<List<string>>("fields"), c.GetArgument("limit", 20));
                return c.Source.A.Facets(GraphModel.Patient, fields, limit).Zip(c.Source.B.Facets(GraphModel.Patient, fields, limit)).ToList();
            }),
        });

        Drift = new ObjectGraphType<CohortDrift>
        {
            Name = "CohortDrift",
            Description = "How a saved cohort's members compare with what its criteria select now, in the access it was saved with (so drift shows changes of the catalogue, not of access). " + ProtectedNote,
        };
        Add(Drift, "savedPatients", Count, true, "Members saved that are still in the catalogue.", d => d.Saved);
        Add(Drift, "currentPatients", Count, true, "Patients the criteria select now.", d => d.Current);
        Add(Drift, "added", Count, true, "Selected now but not saved.", d => d.Added);
        Add(Drift, "removed", Count, true, "Saved but not selected now.", d => d.Removed);
        Add(Drift, "savedCatalogueVersion", Scalars.Long, true, "The catalogue version when saved.", d => d.SavedVersion).Disclosed(DisclosureKind.Public);
        Add(Drift, "currentCatalogueVersion", Scalars.Long, true, "The catalogue version now.", d => d.CurrentVersion).Disclosed(DisclosureKind.Public);
    }

    public ObjectGraphType<ProtectedCount> Count { get; }

    public ObjectGraphType<ProtectedSize> Size { get; }

    public ObjectGraphType<Protection> Protection { get; }

    public ObjectGraphType<ProtectedFacetValue> FacetValue { get; }

    public ObjectGraphType<ProtectedFacet> Facet { get; }

    public ObjectGraphType<RecordSummary> Summary { get; }

    public ObjectGraphType<ProtectedCrossTab> CrossTab { get; }

    public ObjectGraphType<CohortOverlap> Comparison { get; }

    public ObjectGraphType<CohortDrift> Drift { get; }

    /// <summary>Adds a field whose value comes from its typed source.</summary>
    public static FieldType Add<TSource>(ObjectGraphType<TSource> type, string name, IGraphType graphType, bool nonNull, string description, Func<TSource, object?> resolve)
    {
        var field = new FieldType
        {
            Name = name,
            ResolvedType = nonNull ? new NonNullGraphType(graphType) : graphType,
            Description = description,
            Resolver = new FuncFieldResolver<TSource, object?>(c => resolve(c.Source)),
        };
        // The values of these types are protected by construction (they come from the disclosure-control layer).
        type.AddField(field).Disclosed(DisclosureKind.Protected);
        return field;
    }

    /// <summary>The arguments of a cross-tabulation: level, rows, columns, limit.</summary>
    public static QueryArguments CrossTabArguments(params QueryArgument[] more) => new(
    [
        .. more,
        new QueryArgument(Scalars.String) { Name = "level", DefaultValue = "Patient", Description = "What is counted: Patient or Series." },
        new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "rows", Description = "A facet field path of that level for the rows (e.g. cancerTypes.code, series.modality, sex)." },
        new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "columns", Description = "A facet field path of that level for the columns." },
        new QueryArgument(Scalars.Int) { Name = "limit", DefaultValue = 20, Description = $"Rows, and columns per row (1 to {Facets.MaxLimit})." },
    ]);

    /// <summary>Reads the cross-tabulation arguments of a field and computes it over a summary.</summary>
    public static ProtectedCrossTab CrossTabOf(IResolveFieldContext context, RecordSummary summary)
    {
        var level = context.GetArgument("level", "Patient");
        var kind = level switch
        {
            "Patient" => GraphModel.Patient,
            "Series" => GraphModel.Series,
            _ => throw ErrorCodes.BadInput($"'level' must be Patient or Series, not '{(level.Length > 40 ? level[..40] : level)}'."),
        };
        return summary.CrossTab(kind, context.GetArgument<string>("rows"), context.GetArgument<string>("columns"), context.GetArgument("limit", 20));
    }

    private static QueryArguments FacetArguments(string[] defaults) => new(
        new QueryArgument(new ListGraphType(new NonNullGraphType(Scalars.String))) { Name = "fields", DefaultValue = defaults.ToList(), Description = "Facet field paths." },
        new QueryArgument(Scalars.Int) { Name = "limit", DefaultValue = 20, Description = $"Values per facet (1 to {Facets.MaxLimit})." });

    private void FacetField<TSource>(ObjectGraphType<TSource> type, string name, NodeKind kind, string[] defaults, Func<TSource, RecordSummary> summary) =>
        type.AddField(new FieldType
        {
            Name = name,
            Description = $"Facets of the {kind.Plural}; values whose count is withheld for the caller are not listed.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(Facet))),
            Arguments = FacetArguments(defaults),
            Resolver = new FuncFieldResolver<TSource, object?>(c => summary(c.Source).Facets(kind, c.GetArgument<List<string>>("fields"), c.GetArgument("limit", 20))),
        }).Disclosed(DisclosureKind.Protected);
}
