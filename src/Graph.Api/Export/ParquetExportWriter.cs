using Parquet;
using Parquet.Schema;

namespace Graph.Api.Export;

/// <summary>Parquet: one typed, nullable column per field (int32, int64, double, boolean, UTF-8 string; lists as JSON text),
/// a row group per <see cref="RowGroupSize"/> rows, so memory holds one row group at a time.</summary>
internal sealed class ParquetExportWriter : ExportWriter
{
    /// <summary>Rows per row group: a row group of a wide table is held in memory (columns and encoded bytes) until the client
    /// has read it, so it stays small (a few MB).</summary>
    public const int RowGroupSize = 16 * 1024;

    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly SpoolStream _spool;
    private readonly DataField[] _fields;
    private readonly Array[] _buffers;
    private ParquetWriter? _writer;
    private int _rows;

    public ParquetExportWriter(IReadOnlyList<ExportColumn> columns, Stream output)
    {
        _columns = columns;
        _spool = new SpoolStream(output);
        _fields = columns.Select(Field).ToArray();
        _buffers = columns.Select(c => Buffer(c.Type)).ToArray();
    }

    public override string ContentType => "application/vnd.apache.parquet";

    public override string Extension => "parquet";

    public override async Task BeginAsync(CancellationToken cancellationToken)
    {
        _writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), _spool, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _spool.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Write(object?[] row)
    {
        // A page that crosses the row group size grows the buffers; the group is written after the page.
        if (_rows == _buffers[0].Length)
        {
            for (var i = 0; i < _buffers.Length; i++)
            {
                var larger = Array.CreateInstance(_buffers[i].GetType().GetElementType()!, _buffers[i].Length * 2);
                Array.Copy(_buffers[i], larger, _rows);
                _buffers[i] = larger;
            }
        }

        for (var i = 0; i < row.Length; i++)
        {
            var value = row[i];
            switch (_buffers[i])
            {
                case string?[] strings: strings[_rows] = _columns[i].IsList ? ListText(value) : value as string ?? (value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                case int?[] ints: ints[_rows] = As<int>(value); break;
                case long?[] longs: longs[_rows] = As<long>(value); break;
                case double?[] doubles: doubles[_rows] = As<double>(value); break;
                case bool?[] bools: bools[_rows] = As<bool>(value); break;
            }
        }

        _rows++;
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_rows >= RowGroupSize)
            await WriteRowGroupAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await WriteRowGroupAsync(cancellationToken).ConfigureAwait(false);
        await _writer!.DisposeAsync().ConfigureAwait(false);
        await _spool.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_rows == 0)
            return;
        using (var group = _writer!.CreateRowGroup())
        {
            for (var i = 0; i < _fields.Length; i++)
            {
                var field = _fields[i];
                switch (_buffers[i])
                {
                    case string?[] strings: await group.WriteAsync(field, new ArraySegment<string>(strings!, 0, _rows), null).ConfigureAwait(false); break;
                    case int?[] ints: await group.WriteAsync<int>(field, ints.AsMemory(0, _rows), cancellationToken: cancellationToken).ConfigureAwait(false); break;
                    case long?[] longs: await group.WriteAsync<long>(field, longs.AsMemory(0, _rows), cancellationToken: cancellationToken).ConfigureAwait(false); break;
                    case double?[] doubles: await group.WriteAsync<double>(field, doubles.AsMemory(0, _rows), cancellationToken: cancellationToken).ConfigureAwait(false); break;
                    case bool?[] bools: await group.WriteAsync<bool>(field, bools.AsMemory(0, _rows), cancellationToken: cancellationToken).ConfigureAwait(false); break;
                }
            }
        }

        for (var i = 0; i < _buffers.Length; i++)
            _buffers[i] = _buffers[i].Length > RowGroupSize ? Buffer(_columns[i].Type) : _buffers[i];
        foreach (var buffer in _buffers)
            Array.Clear(buffer, 0, Math.Min(_rows, buffer.Length));
        _rows = 0;
        await _spool.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DataField Field(ExportColumn column) => column.Type switch
    {
        ExportColumnType.Int => new DataField<int?>(column.Name),
        ExportColumnType.Long => new DataField<long?>(column.Name),
        ExportColumnType.Float => new DataField<double?>(column.Name),
        ExportColumnType.Boolean => new DataField<bool?>(column.Name),
        _ => new DataField<string>(column.Name, true),
    };

    private static Array Buffer(ExportColumnType type) => type switch
    {
        ExportColumnType.Int => new int?[RowGroupSize],
        ExportColumnType.Long => new long?[RowGroupSize],
        ExportColumnType.Float => new double?[RowGroupSize],
        ExportColumnType.Boolean => new bool?[RowGroupSize],
        _ => new string?[RowGroupSize],
    };
}
