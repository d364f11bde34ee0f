using System.Net;
using Graph.Dicom;
using Graph.Harvest.Tests.Support;
using Graph.Ingest.Harvest;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Harvest.Tests;

public sealed class DicomWebClientTests
{
    private static readonly HarvestOptions Options = new()
    {
        Repository = "hospital-a",
        Dataset = "d",
        DataDirectory = "/nowhere",
        Credentials = DicomWebCredentials.Basic("reader", "s3cret-value"),
        MaxAttempts = 3,
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    [Fact]
    public async Task GetAsync_ServerErrorThenAnswer_RetriesAndReadsTheAnswer()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), _ => ScriptedHandler.Json("[]"));
        var circuit = new RepositoryCircuit(1, TimeSpan.FromMinutes(1));

        var result = await Client(handler, circuit).GetAsync("studies", "the study query", CancellationToken.None);

        Assert.Empty(result);
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(circuit.AllowsRequest);
        Assert.Equal("Basic", handler.Requests[0].Headers.Authorization!.Scheme);
        Assert.Equal("application/dicom+json", handler.Requests[0].Headers.Accept.Single().MediaType);
    }

    [Fact]
    public async Task GetAsync_Unauthorized_FailsAtOnceNamingRepositoryAndStatusWithoutThePassword()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));

        var error = await Assert.ThrowsAsync<DicomWebException>(() => Client(handler).GetAsync("studies", "the study query", CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.True(error.StopsRun);
        Assert.Equal((401, "hospital-a"), (error.StatusCode, error.Repository));
        Assert.Contains("Repository 'hospital-a' refused the harvester's credentials (basic authentication): HTTP 401 (Unauthorized)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("reader", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ServerErrorEveryTime_FailsAfterEveryAttemptAndOpensTheCircuit()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var circuit = new RepositoryCircuit(1, TimeSpan.FromMinutes(1));
        var client = Client(handler, circuit);

        var error = await Assert.ThrowsAsync<DicomWebException>(() => client.GetAsync("studies", "the study query", CancellationToken.None));
        var refused = await Assert.ThrowsAsync<DicomWebException>(() => client.GetAsync("studies", "the study query", CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("Repository 'hospital-a' answered HTTP 502 (Bad Gateway) to the study query, after 3 attempts.", error.Message);
        Assert.True(error.IsTransient);
        Assert.True(refused.CircuitOpen);
    }

    [Fact]
    public async Task GetAsync_NoContent_ReturnsNoDataset()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        Assert.Empty(await Client(handler).GetAsync("studies", "the study query", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_NotJson_FailsSayingTheAnswerIsMalformed()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json("<html>login</html>"));

        var error = await Assert.ThrowsAsync<DicomWebException>(() => Client(handler).GetAsync("studies", "the study query", CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("malformed DICOM JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_DicomJsonModel_ReadsPersonNamesNumbersAsTextAndEmptyValues()
    {
        const string body = """
            [{ "00100010": { "vr": "PN", "Value": [{ "Alphabetic": "Doe^Jane", "Ideographic": "" }] },
               "00180050": { "vr": "DS", "Value": ["2.50"] }, "00280030": { "vr": "DS", "Value": [0.5, 0.5] },
               "00201209": { "vr": "IS", "Value": ["12"] }, "00201208": { "vr": "IS", "Value": [40] },
               "00081030": { "vr": "LO" }, "0008103E": { "vr": "LO", "Value": [] } }]
            """;
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(body));

        var study = (await Client(handler).GetAsync("studies", "the study query", CancellationToken.None)).Single();

        Assert.Equal("Doe^Jane", study.GetPersonName(DicomTag.PatientName)!.ToString());
        Assert.Equal(2.5, study.GetDouble(DicomTag.SliceThickness));
        Assert.Equal(0.5, study.GetDouble(DicomTag.PixelSpacing, 1));
        Assert.Equal(12, study.GetInt(DicomWebTags.NumberOfSeriesRelatedInstances));
        Assert.Equal(40, study.GetInt(DicomTag.NumberOfStudyRelatedInstances));
        Assert.True(string.IsNullOrEmpty(study.GetString(DicomTag.StudyDescription)));
        Assert.Empty(study.GetStrings(DicomTag.SeriesDescription));
        Assert.Null(study.GetString(DicomTag.StudyDate));
    }

    [Fact]
    public async Task GetAsync_NothingListening_FailsAsUnreachableAfterEveryAttempt()
    {
        using var http = new HttpClient();
        var client = new DicomWebClient(http, new Uri("http://127.0.0.1:9/dicom-web"), Options, new RepositoryCircuit(5, TimeSpan.FromMinutes(1)), NullLogger.Instance);

        var error = await Assert.ThrowsAsync<DicomWebException>(() => client.GetAsync("studies", "the study query", CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.StartsWith("Repository 'hospital-a' could not be reached at http://127.0.0.1:9/dicom-web/ for the study query: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("after 3 attempts.", error.Message, StringComparison.Ordinal);
    }

    private static DicomWebClient Client(ScriptedHandler handler, RepositoryCircuit? circuit = null) =>
        new(new HttpClient(handler), new Uri("https://pacs.example.org/dicom-web"), Options, circuit ?? new RepositoryCircuit(5, TimeSpan.FromMinutes(1)), NullLogger.Instance);
}
