using System.Text;
using System.Text.Json;
using Graph.Dicom.Dictionary;

namespace Graph.Dicom.Json;

/// <summary>Turns parsed DICOM JSON into data sets whose text values are stored as UTF-8.</summary>
internal sealed class DicomJsonReader(DicomReadOptions options)
{
    private readonly DicomValueStore _store = new();

    // Each level of sequence nesting takes three JSON levels: attribute object, Value array, item object.
    private JsonDocumentOptions DocumentOptions => new() { MaxDepth = (3 * options.MaxDepth) + 8 };

    public JsonDocument ParseDocument(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth });
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
    }

    public async Task<JsonDocument> ParseDocumentAsync(Stream utf8Json, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(utf8Json, DocumentOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
    }

    public IReadOnlyList<DicomDataset> ReadArray(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return [ReadDataset(root)];
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw Error("the JSON is neither an array of data sets nor a data set", null);
        }

        var datasets = new List<DicomDataset>(root.GetArrayLength());
        foreach (var item in root.EnumerateArray())
        {
            datasets.Add(ReadDataset(item));
        }

        return datasets;
    }

    public DicomDataset ReadDataset(JsonElement json)
    {
        try
        {
            var dataset = ReadDataset(json, null, 0);
            dataset.SetTransferSyntax(dataset.GetString(DicomTag.TransferSyntaxUID));
            return dataset;
        }
        catch (InvalidOperationException ex)
        {
            // JsonDocument checks UTF-8 only when a string or property name is read (fuzz seed 9tFEnZFBxw02).
            throw new DicomReadException("the JSON holds text that is not valid UTF-8", null, null, null, ex);
        }
    }

    private static DicomReadException NotJson(JsonException ex) =>
        new($"not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})", null, null, null, ex);

    private static DicomReadException Error(string reason, DicomTag? tag) => new(reason, null, null, tag);

    private DicomDataset ReadDataset(JsonElement json, DicomDataset? parent, int depth)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw Error("a data set must be a JSON object", null);
        }

        var dataset = new DicomDataset(_store, parent, utf8: true);
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.Length != 8 || !DicomTag.TryParse(property.Name, out var tag))
            {
                throw Error("an attribute key is not an 8-digit hexadecimal tag", null);
            }

            ReadAttribute(dataset, tag, property.Value, depth);
        }

        return dataset;
    }

    private void ReadAttribute(DicomDataset dataset, DicomTag tag, JsonElement attribute, int depth)
    {
        if (attribute.ValueKind != JsonValueKind.Object)
        {
            throw Error("an attribute must be a JSON object", tag);
        }

        var vr = ReadVR(tag, attribute);
        if (!attribute.TryGetProperty("Value", out var values) || values.ValueKind == JsonValueKind.Null)
        {
            if (attribute.TryGetProperty("InlineBinary", out _) || attribute.TryGetProperty("BulkDataURI", out _))
            {
                dataset.AddUnloaded(tag, vr, 0);
            }
            else if (vr == DicomVR.SQ)
            {
                dataset.AddSequence(tag, 0, []);
            }
            else
            {
                dataset.AddValue(tag, vr, 0, _store.Length, 0);
            }

            return;
        }

        if (values.ValueKind != JsonValueKind.Array)
        {
            throw Error("an attribute's Value must be a JSON array", tag);
        }

        if (vr == DicomVR.SQ)
        {
            if (depth >= options.MaxDepth)
            {
                throw Error($"sequences are nested more than {options.MaxDepth} deep", tag);
            }

            var items = new DicomDataset[values.GetArrayLength()];
            var i = 0;
            foreach (var item in values.EnumerateArray())
            {
                items[i++] = item.ValueKind == JsonValueKind.Null
                    ? new DicomDataset(_store, dataset, utf8: true)
                    : ReadDataset(item, dataset, depth + 1);
            }

            dataset.AddSequence(tag, 0, items);
            return;
        }

        if (DicomVRInfo.IsBinary(vr))
        {
            dataset.AddUnloaded(tag, vr, 0);
            return;
        }

        var offset = _store.Length;
        if (DicomVRInfo.NumberSize(vr) > 0)
        {
            WriteNumbers(tag, vr, values);
        }
        else
        {
            WriteText(tag, vr, values);
        }

        var size = _store.Length - offset;
        dataset.AddValue(tag, vr, (uint)size, offset, size);
    }

    private static DicomVR ReadVR(DicomTag tag, JsonElement attribute)
    {
        if (!attribute.TryGetProperty("vr", out var vrElement))
        {
            return DicomDictionary.ImplicitVR(tag);
        }

        var text = vrElement.ValueKind == JsonValueKind.String ? vrElement.GetString() : null;
        var vr = text is { Length: 2 } ? DicomVRInfo.FromBytes((byte)text[0], (byte)text[1]) : DicomVR.None;
        return vr != DicomVR.None ? vr : throw Error("an attribute has an unknown vr", tag);
    }

    private void WriteText(DicomTag tag, DicomVR vr, JsonElement values)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var value in values.EnumerateArray())
        {
            if (!first)
            {
                builder.Append('\\');
            }

            first = false;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    builder.Append(value.GetString());
                    break;
                case JsonValueKind.Number:
                    builder.Append(value.GetRawText());
                    break;
                case JsonValueKind.Object when vr == DicomVR.PN:
                    builder.Append(PersonName(value));
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw Error($"a {vr} value must be a string", tag);
            }
        }

        _store.Append(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    private static string PersonName(JsonElement name)
    {
        string Group(string key) =>
            name.TryGetProperty(key, out var group) && group.ValueKind == JsonValueKind.String ? group.GetString() ?? string.Empty : string.Empty;

        return new DicomPersonName(Group("Alphabetic"), Group("Ideographic"), Group("Phonetic")).ToString();
    }

    private void WriteNumbers(DicomTag tag, DicomVR vr, JsonElement values)
    {
        Span<byte> bytes = stackalloc byte[8];
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                // A binary number has no empty form: an empty value in the list is left out.
                continue;
            }

            if (!DicomJsonNumbers.TryEncode(vr, value, bytes, out var size))
            {
                throw Error($"a value does not fit VR {vr}", tag);
            }

            _store.Append(bytes[..size]);
        }
    }
}
