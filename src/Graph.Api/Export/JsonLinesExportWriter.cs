using System.Buffers;
using System.Text.Json;

namespace Graph.Api.Export;

/// <summary>JSON Lines: one object per row, typed values, missing values null, lists as arrays.</summary>
internal sealed class JsonLinesExportWriter : ExportWriter
{
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly JsonEncodedText[] _names;

    public JsonLinesExportWriter(IReadOnlyList<ExportColumn> columns, Stream output)
    {
        _columns = columns;
        _output = output;
        _json = new Utf8JsonWriter(_buffer);
        _names = columns.Select(c => JsonEncodedText.Encode(c.Name)).ToArray();
    }

    public override string ContentType => "application/jsonl; charset=utf-8";

    public override string Extension => "jsonl";

    public override Task BeginAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Write(object?[] row)
    {
        _json.Reset(_buffer);
        _json.WriteStartObject();
        for (var i = 0; i < row.Length; i++)
        {
            _json.WritePropertyName(_names[i]);
            if (_columns[i].IsList && row[i] is { } list)
                WriteJsonList(_json, list);
            else
                WriteJsonScalar(_json, row[i]);
        }

        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0)
            return;
        await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }

    public override Task CompleteAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);
}
