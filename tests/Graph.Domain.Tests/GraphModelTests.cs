using Graph.Domain;

namespace Graph.Domain.Tests;

/// <summary>The model every layer is generated from (store schema, index columns, GraphQL types) holds together: names are
/// unique where the schema needs them unique, and every path and relationship joins kinds the model has.</summary>
public sealed class GraphModelTests
{
    [Fact]
    public void Labels_Plurals_AndRelationIds_AreUnique()
    {
        Assert.Equal(GraphModel.NodeKinds.Count, GraphModel.NodeKinds.Select(k => k.Label).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(GraphModel.NodeKinds.Count, GraphModel.NodeKinds.Select(k => k.Plural).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(GraphModel.Relations.Count, GraphModel.Relations.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryKind_HasDistinctFieldNames_NoneOfThemItsKey()
    {
        foreach (var kind in GraphModel.NodeKinds)
        {
            var names = kind.Fields.Select(f => f.Name).ToList();
            Assert.True(names.Count == names.Distinct(StringComparer.Ordinal).Count(), $"{kind.Label} has a field twice");
            Assert.DoesNotContain(kind.KeyField, names);
            Assert.All(kind.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{kind.Label}.{f.Name} has no description"));
        }
    }

    [Fact]
    public void RelationFields_DoNotCollideWithPropertyFields_OnEitherEnd()
    {
        foreach (var relation in GraphModel.Relations)
        {
            Assert.Null(relation.From.Field(relation.ForwardField));
            Assert.Null(relation.To.Field(relation.ReverseField));
        }
    }

    [Fact]
    public void Lookups_FindEveryKindAndRelation_AndNothingElse()
    {
        foreach (var kind in GraphModel.NodeKinds)
            Assert.Same(kind, GraphModel.Kind(kind.Label));
        foreach (var relation in GraphModel.Relations)
            Assert.Same(relation, GraphModel.Relation(relation.Type, relation.From.Label, relation.To.Label));
        Assert.Null(GraphModel.Kind("patient"));
        Assert.Null(GraphModel.Relation("HAS_SERIES", "Patient", "Series"));
    }

    [Fact]
    public void DerivedRelations_AreConnectedPaths_FromTheirOwner()
    {
        foreach (var derived in GraphModel.DerivedRelations)
        {
            var at = derived.Owner;
            foreach (var step in derived.Steps)
            {
                var (from, to) = step.Forward ? (step.Relation.From, step.Relation.To) : (step.Relation.To, step.Relation.From);
                Assert.Same(at, from);
                at = to;
            }

            Assert.Null(derived.Owner.Field(derived.Field));
        }
    }

    [Fact]
    public void CodedFields_NameACodeSystem_OnlyOnStringFields()
    {
        var coded = GraphModel.NodeKinds.SelectMany(k => k.Fields).Where(f => f.CodeSystem is not null).ToList();
        Assert.NotEmpty(coded);
        Assert.All(coded, f => Assert.Equal(ValueKind.String, f.Type));
        Assert.All(GraphModel.NodeKinds.SelectMany(k => k.Fields).Where(f => f.HoldsCuries), f => Assert.Equal(ValueKind.StringList, f.Type));
    }

    [Fact]
    public void NoField_HoldsADirectPatientIdentifier()
    {
        string[] identifying = ["name", "patientid", "patientname", "birthdate", "dateofbirth", "address", "phone", "email", "mrn", "nationalid"];
        Assert.DoesNotContain(GraphModel.Patient.Fields, f => identifying.Contains(f.Name.ToLowerInvariant()));
        Assert.Equal("pseudonym", GraphModel.Patient.KeyField);
        Assert.All(GraphModel.NodeKinds.SelectMany(k => k.Fields), f => Assert.DoesNotContain(f.Name.ToLowerInvariant(), new[] { "patientid", "patientname", "birthdate", "dateofbirth" }));
    }

    [Theory]
    [InlineData(3, 3L)]
    [InlineData(2.5f, 2.5)]
    [InlineData(7u, 7L)]
    public void PropertyValues_Normalize_ToTheStoredTypes(object given, object stored)
    {
        Assert.Equal(stored, PropertyValues.Normalize(given));
    }

    [Fact]
    public void PropertyValues_Normalize_RefusesTypesTheStoreCannotHold()
    {
        var error = Assert.Throws<ArgumentException>(() => PropertyValues.Normalize(DateTime.UnixEpoch));
        Assert.Contains("DateTime", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "a", "b" }, PropertyValues.Normalize(new List<string> { "a", "b" }));
    }
}
