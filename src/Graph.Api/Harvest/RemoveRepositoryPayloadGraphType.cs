using Graph.Api.Schema.Types;
using GraphQL.Types;

namespace Graph.Api.Harvest;

/// <summary>What removeRepository did.</summary>
internal sealed class RemoveRepositoryPayloadGraphType : ObjectGraphType
{
    public RemoveRepositoryPayloadGraphType()
    {
        Name = "RemoveRepositoryPayload";
        Description = "What removing a repository did.";
        ConnectionGraphTypes.Add(this, "slug", new NonNullGraphType(Scalars.String), "The repository's slug.", c => ((RemovedRepository)c.Source!).Slug);
        ConnectionGraphTypes.Add(this, "datasets", new NonNullGraphType(new ListGraphType(new NonNullGraphType(Scalars.String))),
            "The datasets it hosted; they stay in the catalogue without a repository.", c => ((RemovedRepository)c.Source!).Removal.Datasets);
        ConnectionGraphTypes.Add(this, "harvestRuns", new NonNullGraphType(Scalars.Int), "Its harvest runs, deleted with it.", c => ((RemovedRepository)c.Source!).Removal.HarvestRuns);
    }
}
