using System.Buffers;
using System.Globalization;
using System.Text;

namespace Graph.Api.Export;

/// <summary>RFC 4180 CSV: a header of column names, numbers in invariant form, missing values empty, lists as JSON arrays, text
/// that a spreadsheet would run as a formula neutralised (<see cref="CsvText"/>).</summary>
internal sealed class CsvExportWriter(IReadOnlyList<ExportColumn> columns, Stream output) : ExportWriter
{
    private readonly StringBuilder _text = new(256 * 1024);

    public override string ContentType => "text/csv; charset=utf-8";

    public override string Extension => "csv";

    public override Task BeginAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
                _text.Append(',');
            AppendText(columns[i].Name);
        }

        _text.Append("\r\n");
        return FlushAsync(cancellationToken);
    }

    public override void Write(object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0)
                _text.Append(',');
            switch (row[i])
            {
                case null: break;
                case string s: AppendText(s); break;
                case int n: _text.Append(n.ToString(CultureInfo.InvariantCulture)); break;
                case long n: _text.Append(n.ToString(CultureInfo.InvariantCulture)); break;
                case double d: _text.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
                case bool b: _text.Append(b ? "true" : "false"); break;
                case var other when columns[i].IsList: AppendText(ListText(other)!); break;
                case var other: AppendText(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""); break;
            }
        }

        _text.Append("\r\n");
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_text.Length == 0)
            return;
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(_text.Length));
        try
        {
            var length = 0;
            foreach (var chunk in _text.GetChunks())
                length += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(length));
            _text.Clear();
            await output.WriteAsync(bytes.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public override Task CompleteAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    private void AppendText(string value) => CsvText.Append(_text, value);
}
