using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Graph.Api.Export;

/// <summary>Writes the rows of an export in one format: rows are buffered synchronously, and sent to the stream a batch at a time.</summary>
internal abstract class ExportWriter
{
    /// <summary>The media type of the format.</summary>
    public abstract string ContentType { get; }

    /// <summary>The file extension of the format.</summary>
    public abstract string Extension { get; }

    /// <summary>Creates the writer of a format (csv, jsonl or parquet); null for another name.</summary>
    public static ExportWriter? For(string format, IReadOnlyList<ExportColumn> columns, Stream output) => format switch
    {
        "csv" => new CsvExportWriter(columns, output),
        "jsonl" => new JsonLinesExportWriter(columns, output),
        "parquet" => new ParquetExportWriter(columns, output),
        _ => null,
    };

    /// <summary>Starts the file (a header).</summary>
    public abstract Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>Buffers one row; its values are those <see cref="ExportPlan"/> read, one per column.</summary>
    public abstract void Write(object?[] row);

    /// <summary>Sends what is buffered when it is worth sending (after each page).</summary>
    public abstract Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Sends the rest and ends the file.</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>A value as a number of its column's type, or null (values of a bad type are a bug, not input).</summary>
    protected static T? As<T>(object? value)
        where T : struct => value switch
        {
            null => null,
            T typed => typed,
            IConvertible convertible => (T)Convert.ChangeType(convertible, typeof(T), CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"An export value of type {value.GetType().Name} is not a {typeof(T).Name}."),
        };

    /// <summary>A list of scalars as a JSON array text.</summary>
    protected static string? ListText(object? value)
    {
        if (value is null)
            return null;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            WriteJsonList(json, value);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a list of scalars as a JSON array.</summary>
    protected static void WriteJsonList(Utf8JsonWriter json, object value)
    {
        json.WriteStartArray();
        foreach (var item in (IEnumerable)value)
            WriteJsonScalar(json, item);
        json.WriteEndArray();
    }

    /// <summary>Writes one scalar as JSON.</summary>
    protected static void WriteJsonScalar(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double: json.WriteNullValue(); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
