using Graph.Ingest.Dicom;
using Graph.Testing;

namespace Graph.Ingest.Tests.Dicom;

public sealed class RejectsReportTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(RejectKind.NotDicom, "not-dicom")]
    [InlineData(RejectKind.MissingAttribute, "missing-attribute")]
    [InlineData(RejectKind.UnsafePatientId, "unsafe-patient-id")]
    [InlineData(RejectKind.Corrupt, "corrupt")]
    public void Kind_EveryKind_IsKebabCase(RejectKind kind, string expected) => Assert.Equal(expected, RejectsReport.Kind(kind));

    [Fact]
    public async Task WriteAsync_TabsAndNewlinesInFields_AreEscapedOneLinePerReject()
    {
        var path = Path.Combine(_folder.Path, "deeper", "rejects.tsv");

        await RejectsReport.WriteAsync(
            path,
            [new("a\tb.dcm", RejectKind.Corrupt, "line one\nline two"), new("c.dcm", RejectKind.InvalidValue, "Series 'x' field 'kvp': -1 is below the minimum 0.")],
            CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(
            ["path\tkind\treason", "a\\u0009b.dcm\tcorrupt\tline one\\u000Aline two", "c.dcm\tinvalid-value\tSeries 'x' field 'kvp': -1 is below the minimum 0."],
            lines);
    }
}
