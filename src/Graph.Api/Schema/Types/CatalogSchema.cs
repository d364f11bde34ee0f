using Graph.Api.Schema.Features.Access;
using Graph.Api.Schema.Features.Cohort;
using Graph.Api.Schema.Features.Imports;
using Graph.Api.Schema.Features.Search;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>The GraphQL schema of the catalogue, generated from the graph model.</summary>
internal sealed class CatalogSchema : GraphQL.Types.Schema
{
    public CatalogSchema()
    {
        var node = new InterfaceGraphType { Name = "Node", Description = "An object with a global id." };
        node.AddField(new FieldType { Name = "id", ResolvedType = new NonNullGraphType(Scalars.Id), Description = "The global id, for node(id:)." });
        var filters = new FilterInputGraphTypes();
        var orders = new OrderInputGraphTypes();
        var search = new SearchGraphTypes(node);
        var nodes = new NodeGraphTypes(node, filters, orders, search);
        var aggregates = new AggregateGraphTypes();
        var cohorts = new CohortGraphTypes(filters, aggregates);
        cohorts.Extend(nodes.For(Domain.GraphModel.Cohort));
        ViewerLinkFields.AddTo(nodes.For(Domain.GraphModel.Study), nodes.For(Domain.GraphModel.Series));
        foreach (var holder in new[] { Domain.GraphModel.Dataset, Domain.GraphModel.Repository, Domain.GraphModel.CancerType })
            cohorts.AddSummary(nodes.For(holder));
        var query = new QueryGraphType(node, nodes, filters, orders, aggregates);
        SearchQueryFields.AddTo(query, search, cohorts);
        var mappings = new MappingGraphTypes();
        ConceptQueryFields.AddTo(query, nodes.For(Domain.GraphModel.Concept), mappings);
        var accessRequests = new AccessRequestGraphTypes();
        AccessRequestFields.AddQueries(query, accessRequests);
        Query = query;
        var mutation = new MutationGraphType(nodes, cohorts);
        Harvest.RepositoryMutationFields.AddTo(mutation);
        AlgorithmMutationFields.AddTo(mutation);
        var problems = new ImportProblemGraphType();
        ClinicalMutationFields.AddTo(mutation, problems);
        MappingMutationFields.AddTo(mutation, mappings);
        VocabularyMutationFields.AddTo(mutation, problems);
        AccessRequestFields.AddMutations(mutation, accessRequests);
        CohortVersionGraphTypes.AddTo(query, mutation, cohorts, nodes);
        DisclosureKinds.DiscloseAll(mutation, DisclosureKind.Input);
        Mutation = mutation;
        Description = "Cancer Imaging Graph: the catalogue of a European federation of cancer-imaging repositories.";
        RegisterType(node);
        foreach (var type in nodes.All)
            RegisterType(type);
    }
}
