using System.Globalization;
using Graph.Domain;
using Graph.Ingest.Records;

namespace Graph.Ingest.Mappings;

/// <summary>Reads SSSOM TSV: the '#'-prefixed YAML metadata block (curie_map, mapping_set_id, license), the header, then one mapping a row.</summary>
/// <remarks>
/// The metadata block is the YAML left after stripping each line's '#', read as the flat YAML SSSOM files use: <c>key: value</c>
/// pairs at the indentation of the first key (<c>#key:</c> and <c># key:</c> alike) and the <c>curie_map</c> mapping one level
/// deeper; other nested values are skipped. A bad block or header is an <see cref="SssomFormatException"/>; a bad
/// row is a <see cref="MappingRejection"/> with its line number, and the other rows are still read.
/// </remarks>
public static class SssomReader
{
    private static readonly string[] RequiredColumns = ["subject_id", "predicate_id", "object_id", "mapping_justification"];

    /// <summary>Reads a whole SSSOM TSV file, which must be UTF-8.</summary>
    /// <exception cref="SssomFormatException">The file is not UTF-8, or the metadata block or the header is missing or malformed.</exception>
    public static SssomDocument Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = StrictUtf8.Decode(content) ?? throw new SssomFormatException($"{StrictUtf8.Refusal}.");
        return Read(new StringReader(text));
    }

    /// <summary>Reads a whole SSSOM TSV text; a leading byte order mark is skipped.</summary>
    /// <exception cref="SssomFormatException">The metadata block or the header is missing or malformed.</exception>
    public static SssomDocument Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var curieMap = new Dictionary<string, string>(ConceptSystems.Builtin, StringComparer.Ordinal);
        var lineNumber = 0;
        string? line;
        string? block = null;
        int? keyIndent = null;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber == 1)
                line = line.TrimStart('\uFEFF');
            if (!line.StartsWith('#'))
                break;
            var yaml = line[1..];
            if (yaml.Trim().Length == 0 || yaml.TrimStart().StartsWith('#'))
                continue;

            // The block is YAML once each '#' is stripped: "# key: value" is as top-level as "#key: value"; deeper lines nest.
            var indent = yaml.Length - yaml.TrimStart(' ', '\t').Length;
            keyIndent ??= indent;
            if (indent < keyIndent)
                throw new SssomFormatException($"line {lineNumber}: metadata line '{yaml.Trim()}' is indented less than the first key of the block; after its '#' every key must start in the same column.");
            var colon = yaml.IndexOf(':', StringComparison.Ordinal);
            if (indent > keyIndent)
            {
                if (block == "curie_map")
                {
                    if (colon <= 0)
                        throw new SssomFormatException($"line {lineNumber}: curie_map entry '{yaml.Trim()}' is not 'PREFIX: IRI'.");
                    curieMap[yaml[..colon].Trim()] = Unquote(yaml[(colon + 1)..]);
                }

                continue;
            }

            if (colon <= 0)
                throw new SssomFormatException($"line {lineNumber}: metadata line '{yaml.Trim()}' is not 'key: value'.");
            var key = yaml[..colon].Trim();
            var value = Unquote(yaml[(colon + 1)..]);
            block = value.Length == 0 ? key : null;
            if (value.Length > 0)
                metadata[key] = value;
        }

        if (line is null)
            throw new SssomFormatException("The file has no header row (subject_id, predicate_id, object_id, mapping_justification, ...).");
        foreach (var required in new[] { "mapping_set_id", "license" })
        {
            if (!metadata.ContainsKey(required))
                throw new SssomFormatException($"The metadata block has no {required}; SSSOM requires mapping_set_id and license.");
        }

        var header = line.Split('\t');
        if (RecordFile.Repeated(header.Select(name => name.Trim()), StringComparer.Ordinal) is { } repeated)
            throw new SssomFormatException($"line {lineNumber}: the header row names column '{repeated}' twice.");
        var columns = header.Select((name, index) => (name: name.Trim(), index)).GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new SssomFormatException($"line {lineNumber}: the header has no {string.Join(", ", missing)} column; it has {string.Join(", ", header)}.");

        var mappings = new List<MappingRecord>();
        var rejections = new List<MappingRejection>();
        var seen = new Dictionary<(string, string), int>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
                continue;
            var fields = line.Split('\t');
            if (fields.Length != header.Length)
            {
                rejections.Add(new MappingRejection(lineNumber, $"the row has {fields.Length} fields; the header has {header.Length}"));
                continue;
            }

            var (record, error) = Parse(fields, columns, lineNumber);
            error ??= MappingRules.Check(record!, curieMap);
            if (error is null && seen.TryGetValue((record!.SubjectId, record.ObjectId), out var first))
                error = $"the mapping from {record.SubjectId} to {record.ObjectId} is already on line {first}";
            if (error is not null)
            {
                rejections.Add(new MappingRejection(lineNumber, error));
                continue;
            }

            seen[(record!.SubjectId, record.ObjectId)] = lineNumber;
            mappings.Add(record);
        }

        return new SssomDocument
        {
            MappingSetId = metadata["mapping_set_id"],
            License = metadata["license"],
            CurieMap = curieMap,
            Mappings = mappings,
            Rejections = rejections,
        };
    }

    private static (MappingRecord? Record, string? Error) Parse(string[] fields, Dictionary<string, int> columns, int line)
    {
        string? Get(string name) => columns.TryGetValue(name, out var i) && fields[i].Trim() is { Length: > 0 } v ? v : null;
        var predicate = Get("predicate_id") ?? "";
        if (!predicate.StartsWith("skos:", StringComparison.Ordinal))
            return (null, $"predicate_id '{predicate}' is not one of {string.Join(", ", MappingProperties.Predicates.Select(p => "skos:" + p))}");
        double? confidence = null;
        if (Get("confidence") is { } text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                return (null, $"confidence '{text}' is not a number");
            confidence = value;
        }

        var record = new MappingRecord(
            Get("subject_id") ?? "",
            Get("subject_label"),
            predicate["skos:".Length..],
            Get("object_id") ?? "",
            Get("object_label"),
            Get("mapping_justification") ?? "",
            confidence,
            Get("author_id") ?? Get("author_label"),
            Get("mapping_date"))
        { Line = line };
        return (record, null);
    }

    private static string Unquote(string text)
    {
        var value = text.Trim();
        if (value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')))
            value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("''", "'", StringComparison.Ordinal);
        return value;
    }
}
