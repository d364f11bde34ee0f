using System.Globalization;
using System.Text;

namespace Graph.Ingest.Dicom;

/// <summary>Writes rejected files as tab-separated values: path (relative to the folder), kind and reason.</summary>
/// <remarks>
/// Paths can carry names (folders named after patients are common), so they go to this report, which the operator
/// keeps with the source data, and never to logs. Reasons never carry an identifying value.
/// </remarks>
public static class RejectsReport
{
    /// <summary>The header line.</summary>
    public const string Header = "path\tkind\treason";

    /// <summary>Writes the report to a file, creating its folder if needed.</summary>
    public static async Task WriteAsync(string path, IEnumerable<IngestReject> rejects, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(rejects);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var reject in rejects)
        {
            text.Append(Field(reject.Path)).Append('\t')
                .Append(Kind(reject.Kind)).Append('\t')
                .Append(Field(reject.Reason)).Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The kind as written in the report: not-dicom, corrupt, missing-attribute, ...</summary>
    public static string Kind(RejectKind kind)
    {
        var name = kind.ToString();
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
                text.Append('-');
            text.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Field(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
