using Graph.Domain;

namespace Graph.Ingest.Demo;

/// <summary>The relationship kinds the demo catalogue creates.</summary>
internal static class DemoRelations
{
    public static readonly RelationKind Hosts = Find("HOSTS", GraphModel.Repository);
    public static readonly RelationKind Covers = Find("COVERS", GraphModel.Dataset);
    public static readonly RelationKind Includes = Find("INCLUDES", GraphModel.Dataset);
    public static readonly RelationKind HasDiagnosis = Find("HAS_DIAGNOSIS", GraphModel.Patient);
    public static readonly RelationKind OfType = Find("OF_TYPE", GraphModel.Diagnosis);
    public static readonly RelationKind HasStudy = Find("HAS_STUDY", GraphModel.Patient);
    public static readonly RelationKind HasSeries = Find("HAS_SERIES", GraphModel.Study);

    private static RelationKind Find(string type, NodeKind from)
    {
        foreach (var relation in GraphModel.Relations)
        {
            if (relation.Type == type && relation.From == from)
                return relation;
        }

        throw new InvalidOperationException($"The graph model has no {type} relationship from {from}.");
    }
}
