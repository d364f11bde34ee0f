using System.Text;
using System.Text.RegularExpressions;
using Graph.Testing;

namespace Graph.Ingest.Tests;

/// <summary>The one writer of import reports: one line per row, nothing a terminal would run, every field recoverable.</summary>
public sealed partial class TsvReportTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("scan\u001b]0;owned\u0007\u001b[2J.dcm", "scan\\u001B]0;owned\\u0007\\u001B[2J.dcm")]
    [InlineData("invoice\u202Egpj.dcm", "invoice\\u202Egpj.dcm")]
    [InlineData("a\tb\nc\rd.dcm", "a\\u0009b\\u000Ac\\u000Dd.dcm")]
    [InlineData("zero\u200Bwidth\u2028line\u00ADhyphen\uFEFF.dcm", "zero\\u200Bwidth\\u2028line\\u00ADhyphen\\uFEFF.dcm")]
    [InlineData("C:\\scans\\u001B.dcm", "C:\\\\scans\\\\u001B.dcm")]
    [InlineData("Ünïcödé 😀 scan.dcm", "Ünïcödé 😀 scan.dcm")]
    public async Task WriteAsync_ControlAndFormatCharactersInAField_AreEscapedAndTheFieldRecoverable(string path, string written)
    {
        // Regression: ESC and U+202E from file names were written raw (cat rejects.tsv ran the escape sequence), and tabs and
        // newlines became spaces, so the reported path no longer named the file.
        var report = Path.Combine(_folder.Path, "rejects.tsv");

        await TsvReport.WriteAsync(report, "path\treason", [[path, "corrupt"]], CancellationToken.None);

        var text = await File.ReadAllTextAsync(report, Encoding.UTF8);
        Assert.Equal($"path\treason\n{written}\tcorrupt\n", text);
        Assert.DoesNotContain(text, c => c is '\u001b' or '\u202e' or '\r' or '\u2028');
        Assert.Equal(path, Unescape(text.Split('\n')[1].Split('\t')[0]));
    }

    [Fact]
    public async Task WriteAsync_UnpairedSurrogate_IsEscapedRatherThanReplaced()
    {
        var report = Path.Combine(_folder.Path, "rejects.tsv");
        var path = "lone" + (char)0xD800 + "surrogate.dcm";

        await TsvReport.WriteAsync(report, "path", [[path]], CancellationToken.None);

        Assert.Equal("path\nlone\\uD800surrogate.dcm\n", await File.ReadAllTextAsync(report, Encoding.UTF8));
    }

    private static string Unescape(string field) =>
        Escape().Replace(field, m => m.Value == "\\\\" ? "\\" : ((char)Convert.ToInt32(m.Value[2..], 16)).ToString());

    [GeneratedRegex(@"\\\\|\\u[0-9A-F]{4}")]
    private static partial Regex Escape();
}
