using Graph.Domain;
using Graph.Ingest.Demo;

namespace Graph.Ingest.Tests.Demo;

public sealed class PropertyBagTests
{
    [Fact]
    public void Names_OfEveryFieldEnum_AreFieldsOfTheirNodeKind()
    {
        AssertFieldsOf<PatientField>(GraphModel.Patient);
        AssertFieldsOf<DiagnosisField>(GraphModel.Diagnosis);
        AssertFieldsOf<StudyField>(GraphModel.Study);
        AssertFieldsOf<SeriesField>(GraphModel.Series);
    }

    [Fact]
    public void Bag_NullValues_AreNeitherListedNorCounted()
    {
        var bag = new PropertyBag<StudyField>();
        bag[StudyField.Year] = 2020L;
        bag[StudyField.Description] = "CT CHEST";
        bag[StudyField.Description] = null;

        Assert.Single(bag);
        Assert.Equal(2020L, bag["year"]);
        Assert.False(bag.ContainsKey("description"));
        Assert.False(bag.TryGetValue("unknown", out _));
        Assert.Equal(["year"], bag.Keys);
    }

    private static void AssertFieldsOf<TField>(NodeKind kind)
        where TField : struct, Enum
    {
        var bag = new PropertyBag<TField>();
        foreach (var field in Enum.GetValues<TField>())
            bag[field] = "x";
        Assert.All(bag.Keys, name => Assert.NotNull(kind.Field(name)));
        Assert.Equal(Enum.GetValues<TField>().Length, bag.Count);
    }
}
