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
    public static Task WriteAsync(string path, IEnumerable<IngestReject> rejects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejects);
        return TsvReport.WriteAsync(path, Header, rejects.Select(r => new[] { r.Path, Kind(r.Kind), r.Reason }), cancellationToken);
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
}
