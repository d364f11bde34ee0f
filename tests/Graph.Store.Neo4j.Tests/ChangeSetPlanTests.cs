using Graph.Domain;
using Graph.Testing;

namespace Graph.Store.Neo4j.Tests;

/// <summary>How a ChangeSet becomes batched statements, in the order and with the repeats the SQLite store would apply.</summary>
public sealed class ChangeSetPlanTests
{
    private static Dictionary<string, object?> Row(PlanStep step, int index) => (Dictionary<string, object?>)step.Rows[index]!;

    [Fact]
    public void Build_MixedSet_NodesThenEdgesThenEdgeDeletesThenNodeDeletes()
    {
        var patient = Some.Patient();
        var study = Some.Study();
        var changes = new ChangeSet().Add(patient).Add(study).Add(Some.Edge("HAS_STUDY", patient, study));
        changes.DeletedEdges.Add(Some.Edge("HAS_STUDY", patient, study));
        changes.DeletedNodes.Add(study.Ref);

        var plan = ChangeSetPlan.Build(changes, 100);

        Assert.Equal(
            [PlanStepKind.UpsertNodes, PlanStepKind.UpsertNodes, PlanStepKind.UpsertEdges, PlanStepKind.DeleteEdges, PlanStepKind.DeleteNodeEdges, PlanStepKind.DeleteNodes],
            plan.Steps.Select(s => s.Kind));
        Assert.Equal("UpsertNodes:Patient", plan.Steps[0].Statement.Name);
        Assert.Equal(0L, Row(plan.Steps[2], 0)["i"]);
    }

    [Fact]
    public void Build_NodeGivenTwice_SecondGoesToALaterStatement()
    {
        var first = NodeRecord.Of(GraphModel.Series, "1.2.3", ("modality", "MR"));
        var second = new NodeRecord("Series", "1.2.3", new Dictionary<string, object?> { ["bodyPart"] = "PROSTATE", ["modality"] = null });
        var other = Some.Series();

        var plan = ChangeSetPlan.Build(new ChangeSet().Add(first).Add(other).Add(second), 100);

        Assert.Equal(2, plan.Steps.Count);
        Assert.Equal(2, plan.Steps[0].Rows.Count);
        var repeat = Assert.Single(plan.Steps[1].Rows);
        var props = (Dictionary<string, object?>)((Dictionary<string, object?>)repeat!)["props"]!;
        Assert.Equal("PROSTATE", props["bodyPart"]);
        Assert.True(props.ContainsKey("modality") && props["modality"] is null);
    }

    [Fact]
    public void Build_DeletionsGivenTwice_AreDeletedOnce()
    {
        var study = Some.Study();
        var changes = new ChangeSet();
        changes.DeletedNodes.Add(study.Ref);
        changes.DeletedNodes.Add(study.Ref);

        var plan = ChangeSetPlan.Build(changes, 100);

        Assert.All(plan.Steps, s => Assert.Single(s.Rows));
    }

    [Fact]
    public void Build_WholeNumberInFloatField_IsSentAsDouble()
    {
        var series = NodeRecord.Of(GraphModel.Series, "1.2.3", ("modality", "CT"), ("sliceThickness", 3), ("imageCount", 12));

        var props = (Dictionary<string, object?>)Row(ChangeSetPlan.Build(new ChangeSet().Add(series), 100).Steps[0], 0)["props"]!;

        Assert.IsType<double>(props["sliceThickness"]);
        Assert.IsType<long>(props["imageCount"]);
    }

    [Fact]
    public void Build_ReservedProperty_IsRejected()
    {
        var node = new NodeRecord("Series", "1.2.3", new Dictionary<string, object?> { ["_seq"] = 1L });

        var error = Assert.Throws<GraphStoreException>(() => ChangeSetPlan.Build(new ChangeSet().Add(node), 100));

        Assert.Contains("'_seq' is reserved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownRelationship_NamesIt()
    {
        var edge = EdgeRecord.Of("HAS_SERIES", new NodeRef("Patient", "p"), new NodeRef("Series", "1.2"));

        var error = Assert.Throws<GraphStoreException>(() => ChangeSetPlan.Build(new ChangeSet().Add(edge), 100));

        Assert.Contains("no relationship HAS_SERIES joins Patient to Series", error.Message, StringComparison.Ordinal);
    }
}
