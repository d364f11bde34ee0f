using Graph.Domain;

namespace Graph.Domain.Tests;

/// <summary>What a curator's import learns when a record is wrong: every problem of a node or relationship, each naming the
/// record, the field and the value, so that a rejects report can be acted on without reading the code.</summary>
public sealed class ValidationTests
{
    private static readonly NodeRecordValidator Nodes = new();
    private static readonly EdgeRecordValidator Edges = new();

    private static string[] Errors(NodeRecord node) => Nodes.Validate(node).Errors.Select(e => e.ErrorMessage).ToArray();

    private static string[] Errors(EdgeRecord edge) => Edges.Validate(edge).Errors.Select(e => e.ErrorMessage).ToArray();

    [Fact]
    public void Node_OfEveryKind_WithValidKeyAndFields_IsAccepted()
    {
        var keys = new Dictionary<string, string>
        {
            ["slug"] = "tcga-brca",
            ["pseudonym"] = "P-0001",
            ["diagnosisId"] = "P-0001/1",
            ["studyInstanceUid"] = "1.2.840.1",
            ["seriesInstanceUid"] = "1.2.840.1.2",
            ["code"] = "breast",
            ["curie"] = "SCTID:254837009",
            ["cohortId"] = "c1",
            ["annotationId"] = "1.2.3",
            ["runId"] = "pacs-2026-12-05",
        };
        foreach (var kind in GraphModel.NodeKinds)
        {
            var required = kind.Fields.Where(f => f.Required).Select(f => (f.Name, (object?)(f.AllowedValues?[0] ?? (f.Name == "modality" ? "CT" : "x")))).ToArray();
            Assert.Empty(Errors(NodeRecord.Of(kind, keys[kind.KeyField], required)));
        }
    }

    [Fact]
    public void Node_UnknownLabel_ListsTheKnownLabels()
    {
        var error = Assert.Single(Errors(new NodeRecord("Scanner", "s1", new Dictionary<string, object?>())));
        Assert.Contains("unknown label 'Scanner'", error, StringComparison.Ordinal);
        foreach (var kind in GraphModel.NodeKinds)
            Assert.Contains(kind.Label, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dataset", "TCGA BRCA", "slug 'TCGA BRCA' must be lowercase letters")]
    [InlineData("Study", "1.2.abc", "is not a DICOM UID")]
    [InlineData("Series", "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25.26.27.28.29", "is not a DICOM UID")]
    [InlineData("Concept", "254837009", "must be a prefix and a code separated by ':'")]
    [InlineData("Patient", "", "pseudonym is empty")]
    [InlineData("Patient", "P\u00001", "contains a control character")]
    [InlineData("Concept", "LOCAL:A\u202Egnp", "contains a bidirectional override")]
    public void Node_MalformedKey_IsRefusedWithTheRule(string label, string key, string expected)
    {
        var errors = Errors(new NodeRecord(label, key, new Dictionary<string, object?>()));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal) && e.StartsWith(label, StringComparison.Ordinal));
    }

    [Fact]
    public void Node_KeyLongerThanTheLimit_IsRefused()
    {
        var key = new string('p', NodeKind.MaxKeyLength + 1);
        Assert.Contains(Errors(new NodeRecord("Patient", key, new Dictionary<string, object?>())), e => e.Contains($"longer than {NodeKind.MaxKeyLength}", StringComparison.Ordinal));
    }

    [Fact]
    public void Node_WithSeveralBadFields_ReportsEveryOne_NamingNodeFieldAndValue()
    {
        var node = NodeRecord.Of(
            GraphModel.Patient, "P-7",
            ("sex", "female"), ("ageAtDiagnosis", 130L), ("shoeSize", 42L), ("vitalStatus", 3L));
        var errors = Errors(node);
        Assert.Equal(4, errors.Length);
        Assert.Contains("Patient 'P-7' field 'sex': 'female' is not one of F, M, O, U.", errors);
        Assert.Contains("Patient 'P-7' field 'ageAtDiagnosis': 130 is above the maximum 120.", errors);
        Assert.Contains(errors, e => e.StartsWith("Patient 'P-7' field 'shoeSize': unknown field; known fields are sex, ageAtDiagnosis", StringComparison.Ordinal));
        Assert.Contains("Patient 'P-7' field 'vitalStatus': 3 is not a string.", errors);
    }

    [Theory]
    [InlineData("sliceThickness", -1.0, "-1 is below the minimum 0")]
    [InlineData("sliceThickness", double.NaN, "NaN is not a finite number")]
    [InlineData("sliceThickness", double.PositiveInfinity, "is not a finite number")]
    [InlineData("seriesNumber", 3_000_000_000.0, "is above the maximum")]
    [InlineData("imageCount", 2.5, "2.5 is not a int")]
    [InlineData("contrast", "yes", "'yes' is not a bool")]
    [InlineData("manufacturer", "GE\u0007", "contains a control character")]
    [InlineData("manufacturer", "GE\u202Egnp.exe", "contains a bidirectional override")]
    [InlineData("manufacturer", "GE\u2067x", "contains a bidirectional override")]
    public void Series_BadValue_IsRefusedWithTheReason(string field, object value, string expected)
    {
        var node = NodeRecord.Of(GraphModel.Series, "1.2.3", ("modality", "CT"), (field, value));
        var error = Assert.Single(Errors(node));
        Assert.Contains($"field '{field}'", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>Right-to-left text keeps the marks it uses (RLM, LRM, ALM), which reorder no strong character.</summary>
    [Fact]
    public void Series_RightToLeftTextWithItsMarks_IsAccepted()
    {
        var node = NodeRecord.Of(GraphModel.Series, "1.2.3", ("modality", "CT"), ("manufacturer", "\u05E9\u05D9\u05D1\u05D0 \u200F(Israel)\u200E \u0645\u061C"));
        Assert.Empty(Errors(node));
    }

    [Fact]
    public void Node_TextLongerThanItsField_IsRefused_AndTheValueIsShortenedInTheMessage()
    {
        var description = new string('a', 301);
        var error = Assert.Single(Errors(NodeRecord.Of(GraphModel.Series, "1.2.3", ("modality", "MR"), ("description", description))));
        Assert.Contains("is longer than 300 characters", error, StringComparison.Ordinal);
        Assert.True(error.Length < 200, "the message quotes a shortened value, not all of it");
    }

    [Fact]
    public void Node_RequiredField_CannotBeRemovedOrBlank_ButOptionalOnesCanBeRemoved()
    {
        Assert.Contains("is required and cannot be removed", Assert.Single(Errors(new NodeRecord("Series", "1.2.3", new Dictionary<string, object?> { ["modality"] = null }))), StringComparison.Ordinal);
        Assert.Contains("is required and cannot be empty", Assert.Single(Errors(NodeRecord.Of(GraphModel.Series, "1.2.3", ("modality", "  ")))), StringComparison.Ordinal);
        Assert.Empty(Errors(new NodeRecord("Series", "1.2.3", new Dictionary<string, object?> { ["modality"] = "CT", ["bodyPart"] = null })));
    }

    [Fact]
    public void StringList_ChecksEveryItem_AndItsLength()
    {
        var ok = NodeRecord.Of(GraphModel.Study, "1.2.3", ("modalitiesInStudy", new[] { "CT", "PT" }));
        Assert.Empty(Errors(ok));
        var longItem = NodeRecord.Of(GraphModel.Study, "1.2.3", ("modalitiesInStudy", new[] { "CT", new string('M', 17) }));
        Assert.Contains("item", Assert.Single(Errors(longItem)), StringComparison.Ordinal);
        var tooMany = NodeRecord.Of(GraphModel.Study, "1.2.3", ("modalitiesInStudy", Enumerable.Repeat("CT", 1001).ToArray()));
        Assert.Contains("more than 1000 items", Assert.Single(Errors(tooMany)), StringComparison.Ordinal);
    }

    [Fact]
    public void Edge_BetweenLabelsTheModelDoesNotJoin_IsRefused()
    {
        var edge = EdgeRecord.Of("HAS_SERIES", new NodeRef("Patient", "P-1"), new NodeRef("Series", "1.2.3"));
        Assert.Equal("Relationship (Patient 'P-1')-[:HAS_SERIES]->(Series '1.2.3'): no relationship HAS_SERIES joins Patient to Series.", Assert.Single(Errors(edge)));
    }

    [Fact]
    public void Edge_DerivedFromCodedFields_IsRefused_NamingTheFieldsToSetInstead()
    {
        var edge = EdgeRecord.Of("CODED_AS", new NodeRef("Series", "1.2.3"), new NodeRef("Concept", "DCM:CT"));
        var error = Assert.Single(Errors(edge));
        Assert.Contains("derived from its coded fields (modality, bodyPart)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Edge_WithBadEndKeys_ReportsBothEnds()
    {
        var edge = EdgeRecord.Of(GraphModel.Relations.Single(r => r.Id == "Study-HAS_SERIES->Series"), "not-a-uid", "also.not");
        var errors = Errors(edge);
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, e => e.Contains("start node", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("end node", StringComparison.Ordinal));
    }

    [Fact]
    public void Edge_Properties_AreCheckedAgainstTheRelation()
    {
        var from = new NodeRef("Concept", "SCTID:254837009");
        var to = new NodeRef("Concept", "NCIT:C4872");
        var mapping = new EdgeRecord("MAPS_TO", from, to, new Dictionary<string, object?> { ["predicate"] = "exactMatch", ["confidence"] = 0.9 });
        Assert.Empty(Errors(mapping));

        var bad = new EdgeRecord("MAPS_TO", from, to, new Dictionary<string, object?> { ["predicate"] = "sameAs", ["confidence"] = 1.5 });
        var errors = Errors(bad);
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, e => e.Contains("'sameAs' is not one of exactMatch", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("1.5 is above the maximum 1", StringComparison.Ordinal));

        var onPlain = new EdgeRecord("BROADER", from, to, new Dictionary<string, object?> { ["confidence"] = 0.5 });
        Assert.Contains("this relationship carries no properties", Assert.Single(Errors(onPlain)), StringComparison.Ordinal);
    }
}
