using Graph.Dicom;
using Graph.Harvest.Tests.Support;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Harvest;

namespace Graph.Harvest.Tests;

public sealed class StudyFingerprintsTests
{
    private const string Study = """
        { "0020000D": { "vr": "UI", "Value": ["1.2.3"] }, "00100020": { "vr": "LO", "Value": ["PAT-1"] },
          "00201206": { "vr": "IS", "Value": [2] }, "00201208": { "vr": "IS", "Value": [40] }, "00081190": { "vr": "UR", "Value": ["http://a/studies/1.2.3"] } }
        """;

    private readonly StudyFingerprints _fingerprints = new(Secrets.Key, false, false, true);

    [Fact]
    public void Of_SameAttributesAnotherRetrieveUrl_GivesTheSameFingerprint()
    {
        var moved = Study.Replace("http://a/", "http://b:8042/", StringComparison.Ordinal);

        Assert.Equal(_fingerprints.Of(DicomJson.Parse(Study)), _fingerprints.Of(DicomJson.Parse(moved)));
    }

    [Fact]
    public void Of_AnotherInstanceCount_GivesAnotherFingerprint()
    {
        var grown = Study.Replace("[40]", "[41]", StringComparison.Ordinal);

        Assert.NotEqual(_fingerprints.Of(DicomJson.Parse(Study)), _fingerprints.Of(DicomJson.Parse(grown)));
    }

    [Fact]
    public void Of_AnotherKeyOrSetting_GivesAnotherFingerprint()
    {
        var study = DicomJson.Parse(Study);
        var otherKey = new StudyFingerprints(DeidentificationKey.Development, false, false, true);
        var remapping = new StudyFingerprints(Secrets.Key, false, true, true);

        Assert.Equal(3, new[] { _fingerprints.Of(study), otherKey.Of(study), remapping.Of(study) }.Distinct().Count());
        Assert.Matches("^[0-9a-f]{32}$", _fingerprints.Of(study));
    }
}
