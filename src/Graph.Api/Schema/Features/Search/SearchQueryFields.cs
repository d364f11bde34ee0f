using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Features.Cohort;
using Graph.Api.Schema.Types;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Search;

/// <summary>Root fields for search: text search, facet value autocomplete, cohort preview and comparison.</summary>
internal static class SearchQueryFields
{
    public static void AddTo(ObjectGraphType query, SearchGraphTypes search, CohortGraphTypes cohorts)
    {
        query.AddField(new FieldType
        {
            Name = "search",
            Description = "Text search over dataset titles and descriptions, cancer type names, repository and algorithm names, concept labels, synonyms and codes, " +
                "study and series descriptions. Every word must match a whole word, the start of one (autocomplete) or a word with a typo (one edit from 5 characters, " +
                "two from 9), ignoring case and accents; a text that names a concept (HCC, GBM, a code) also finds the concept's other names. " +
                "Ranked whole word > prefix > typo > other name, titles and names over descriptions; page with after and endCursor.",
            ResolvedType = new NonNullGraphType(search.SearchResult),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "text", Description = $"Words to find (at most {TextSearch.MaxLength} characters, {TextSearch.MaxWords} words)." },
                new QueryArgument(new ListGraphType(new NonNullGraphType(Scalars.String))) { Name = "kinds", Description = "Only these node kinds (Dataset, Series, ...)." },
                new QueryArgument(Scalars.Int) { Name = "first", DefaultValue = 20, Description = $"Hits to return (0 to {TextSearch.MaxFirst})." },
                new QueryArgument(Scalars.String) { Name = "after", Description = "Return the hits after this cursor (a hit's cursor or the result's endCursor)." }),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var first = c.GetArgument("first", 20);
                if (first is < 0 or > TextSearch.MaxFirst)
                    throw ErrorCodes.BadInput($"'first' must be between 0 and {TextSearch.MaxFirst}; it was {first}.");
                var request = CatalogRequest.From(c);
                return TextSearch.Search(request.Snapshot, c.GetArgument<string>("text"), c.GetArgument<List<string>?>("kinds"), first, request.Cursors.Open(c.GetArgument<string?>("after"), "after"));
            }),
        }).Disclosed(DisclosureKind.Readable);

        query.AddField(new FieldType
        {
            Name = "facetValues",
            Description = "Autocomplete of facet values: the values of a facet field that have a word starting with the prefix, most frequent first.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(search.FacetValue))),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "kind", Description = "The node kind (Series, Patient, ...)." },
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "field", Description = "A facet field path of that kind (manufacturer, model, ...)." },
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "prefix", Description = $"What the user typed so far (at most {Facets.MaxCompletion} characters)." },
                new QueryArgument(Scalars.Int) { Name = "limit", DefaultValue = 10, Description = $"Values to return (1 to {Facets.MaxCompletion})." }),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var kindName = c.GetArgument<string>("kind");
                var kind = GraphModel.Kind(kindName) ?? throw ErrorCodes.BadInput($"'{kindName}' is not a node kind; kinds are {string.Join(", ", GraphModel.NodeKinds.Select(k => k.Label))}.");
                return Facets.Complete(CatalogRequest.From(c).Snapshot, kind, c.GetArgument<string>("field"), c.GetArgument<string>("prefix"), c.GetArgument("limit", 10));
            }),
        }).Disclosed(DisclosureKind.Readable);

        query.AddField(new FieldType
        {
            Name = "cohortPreview",
            Description = "What cohort criteria select now over the whole catalogue: patients, studies, series, datasets, repositories, total bytes and facets; " +
                "the records the caller may not read are protected, and the readable part is what saveCohort would save.",
            ResolvedType = new NonNullGraphType(cohorts.Aggregates.Summary),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(cohorts.Criteria)) { Name = "criteria", Description = "The criteria." }),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var request = CatalogRequest.From(c);
                return request.Aggregates.Summarize(CohortCriteriaReader.Parse(c.GetArgument<Dictionary<string, object?>>("criteria"), request.Limits));
            }),
        }).Disclosed(DisclosureKind.Protected);

        query.AddField(new FieldType
        {
            Name = "crossTab",
            Description = "Counts of patients or series per pair of values of two facet fields over what criteria select in the whole catalogue " +
                "(e.g. series by modality within each cancer type), with missing values; each cell protected as a facet value is.",
            ResolvedType = new NonNullGraphType(cohorts.Aggregates.CrossTab),
            Arguments = AggregateGraphTypes.CrossTabArguments(new QueryArgument(cohorts.Criteria) { Name = "where", Description = "Criteria on patients and series (all of them when left out)." }),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var request = CatalogRequest.From(c);
                var criteria = c.GetArgument<Dictionary<string, object?>?>("where") ?? [];
                return AggregateGraphTypes.CrossTabOf(c, request.Aggregates.Summarize(CohortCriteriaReader.Parse(criteria, request.Limits)));
            }),
        }).Disclosed(DisclosureKind.Protected);

        query.AddField(new FieldType
        {
            Name = "compareCohorts",
            Description = "Two saved cohorts side by side: the overlap of their patients and their facet distributions.",
            ResolvedType = new NonNullGraphType(cohorts.Aggregates.Comparison),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "a", Description = "The first cohort's id (cohortId)." },
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "b", Description = "The second cohort's id." }),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var request = CatalogRequest.From(c);
                GraphNode Find(string name)
                {
                    var id = c.GetArgument<string>(name);
                    return request.Snapshot.Find(GraphModel.Cohort, id) ?? throw new ExecutionError($"No cohort '{id}'.") { Code = ErrorCodes.NotFound };
                }

                return request.Aggregates.Compare(Find("a"), Find("b"));
            }),
        }).Disclosed(DisclosureKind.Protected);
    }
}
