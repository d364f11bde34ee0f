using Graph.Dicom;
using Graph.Harvest.Tests.Support;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Harvest;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Harvest.Tests;

/// <summary>Reading one study from a repository whose answers the test scripts.</summary>
public sealed class StudyReaderTests
{
    private const string Study = "1.2.826.0.1.3680043.10.999.1.1";
    private const string Series = "1.2.826.0.1.3680043.10.999.2.1.1";

    private const string Metadata = $$"""
        [{ "00080018": { "vr": "UI", "Value": ["1.2.826.0.1.3680043.10.999.3.1.1.1"] }, "00080020": { "vr": "DA", "Value": ["20190304"] },
           "00080060": { "vr": "CS", "Value": ["MR"] }, "00081090": { "vr": "LO", "Value": ["Model 3T"] },
           "00100010": { "vr": "PN", "Value": [{ "Alphabetic": "Doe^Janeth" }] }, "00100020": { "vr": "LO", "Value": ["PAT001"] },
           "00100040": { "vr": "CS", "Value": ["F"] }, "00101010": { "vr": "AS", "Value": ["060Y"] },
           "00180050": { "vr": "DS", "Value": [3] }, "00180087": { "vr": "DS", "Value": ["1.5"] }, "00280030": { "vr": "DS", "Value": ["0.5", "0.6"] },
           "0020000D": { "vr": "UI", "Value": ["{{Study}}"] }, "0020000E": { "vr": "UI", "Value": ["{{Series}}"] },
           "00200013": { "vr": "IS", "Value": [1] } }]
        """;

    [Fact]
    public async Task ReadAsync_SeriesWithoutInstanceCount_CountsItsInstancesAndReadsOnlyTheFirstOnesMetadata()
    {
        var handler = new RoutingHandler(
            ("/metadata", Metadata),
            ("instances?limit=1", """[{ "00080018": { "vr": "UI", "Value": ["1.2.826.0.1.3680043.10.999.3.1.1.1"] } }]"""),
            ("/instances?", """[{ "00080018": { "vr": "UI", "Value": ["1.1"] } }, { "00080018": { "vr": "UI", "Value": ["1.2"] } }, { "00080018": { "vr": "UI", "Value": ["1.3"] } }]"""),
            ("/series?", $$"""[{ "0020000E": { "vr": "UI", "Value": ["{{Series}}"] }, "00080060": { "vr": "CS", "Value": ["MR"] } }]"""));
        using var http = new HttpClient(handler);
        var options = new HarvestOptions { Repository = "hospital-a", Dataset = "d", DataDirectory = "/nowhere" };
        var client = new DicomWebClient(http, new Uri("https://pacs.example.org/dicom-web/"), options, new RepositoryCircuit(5, TimeSpan.FromMinutes(1)), NullLogger.Instance);
        var reader = new StudyReader(new DicomWebSource(client), new DicomDeidentifier(Secrets.Key, false, false));

        var study = await reader.ReadAsync(new ListedStudy(Study, Study, "f"), CancellationToken.None);
        var changes = HarvestedStudy.Build([study], "d", "test");

        var series = changes.Nodes.Single(n => n.Label == "Series");
        Assert.Equal((3L, "Model 3T", 3.0, 0.5, 1.5), (series["imageCount"], series["model"], series["sliceThickness"], series["pixelSpacing"], series["magneticFieldStrength"]));
        Assert.Null(series["sizeBytes"]);
        var patient = changes.Nodes.Single(n => n.Label == "Patient");
        Assert.StartsWith("PSN-", patient.Key, StringComparison.Ordinal);
        Assert.Equal((2019L, 60L), (changes.Nodes.Single(n => n.Label == "Study")["year"], changes.Nodes.Single(n => n.Label == "Study")["patientAge"]));
        Assert.Equal(1, handler.Requests.Count(r => r.EndsWith("/metadata", StringComparison.Ordinal)));
        Assert.DoesNotContain(changes.Nodes.SelectMany(n => n.Properties.Values), v => v is string s && (s.Contains("Doe", StringComparison.Ordinal) || s == "PAT001"));
    }
}
