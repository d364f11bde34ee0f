using System.Collections;
using System.Text;
using Graph.Dicom.Text;

namespace Graph.Dicom;

/// <summary>The elements of a DICOM data set or sequence item, in tag order, with typed access to their values.</summary>
/// <remarks>
/// A data set is immutable once read and safe to share between threads. Text is decoded on each call with the
/// Specific Character Set (0008,0005) in force (an item's own, else its parent's). Getters return null, false or an
/// empty list when the element is absent, has no value, was not loaded, or does not parse.
/// </remarks>
public sealed partial class DicomDataset : IReadOnlyCollection<DicomElement>
{
    private readonly DicomValueStore _store;
    private readonly DicomDataset? _parent;
    private readonly bool _utf8;
    private Entry[] _entries;
    private int _count;
    private DicomCharacterSet? _characterSet;
    private string? _transferSyntaxUid;

    internal DicomDataset(DicomValueStore store, DicomDataset? parent, bool utf8 = false, int capacity = 8)
    {
        _store = store;
        _parent = parent;
        _utf8 = utf8;
        _entries = new Entry[capacity];
    }

    /// <summary>The transfer syntax the data set was read with (for items, their file's), or null for DICOM JSON.</summary>
    public string? TransferSyntaxUid => _parent is null ? _transferSyntaxUid : _parent.TransferSyntaxUid;

    /// <summary>The values of the Specific Character Set (0008,0005) in force: the data set's own, else its parent's.</summary>
    public IReadOnlyList<string> SpecificCharacterSet =>
        IndexOf(DicomTag.SpecificCharacterSet) >= 0 ? GetStrings(DicomTag.SpecificCharacterSet) : _parent?.SpecificCharacterSet ?? [];

    /// <summary>The number of elements.</summary>
    public int Count => _count;

    internal DicomCharacterSet CharacterSet => _characterSet ??= ResolveCharacterSet();

    /// <summary>Tells whether the data set has an element with the tag.</summary>
    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    /// <summary>Gets the element with the tag.</summary>
    public bool TryGetElement(DicomTag tag, out DicomElement element)
    {
        var index = IndexOf(tag);
        element = index >= 0 ? _entries[index].ToElement() : default;
        return index >= 0;
    }

    /// <summary>Returns the whole value as text (values joined by backslashes, padding removed), or null.</summary>
    /// <remarks>Binary numbers (US, SL, FD...) are formatted invariantly and AT values as "ggggeeee"; OB, OW, UN and SQ give null.</remarks>
    public string? GetString(DicomTag tag)
    {
        var index = IndexOf(tag);
        return index < 0 ? null : Text(in _entries[index]);
    }

    /// <summary>Returns each value of a multi-valued element as text, or an empty array.</summary>
    public string[] GetStrings(DicomTag tag)
    {
        var index = IndexOf(tag);
        if (index < 0)
        {
            return [];
        }

        ref readonly var entry = ref _entries[index];
        var text = Text(in entry);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (DicomVRInfo.IsSingleValuedText(entry.VR))
        {
            return [text];
        }

        var values = text.Split('\\');
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = values[i].Trim(' ', '\0');
        }

        return values;
    }

    /// <summary>Returns the items of a sequence, or an empty list when the element is absent or not a sequence.</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag)
    {
        var index = IndexOf(tag);
        return index < 0 ? [] : (IReadOnlyList<DicomDataset>?)_entries[index].Items ?? [];
    }

    /// <summary>Returns the raw bytes of a loaded value (binary numbers little endian), or empty.</summary>
    public ReadOnlyMemory<byte> GetBytes(DicomTag tag)
    {
        var index = IndexOf(tag);
        if (index < 0 || !_entries[index].Loaded)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        ref readonly var entry = ref _entries[index];
        return _store.Memory(entry.Offset, entry.Size);
    }

    /// <summary>Enumerates the elements in tag order.</summary>
    public IEnumerator<DicomElement> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _entries[i].ToElement();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void SetTransferSyntax(string? uid) => _transferSyntaxUid = uid;

    /// <summary>Tells whether Pixel Representation (0028,0103), here or in a parent, says the pixels are signed.</summary>
    internal bool HasSignedPixels() =>
        IndexOf(DicomTag.PixelRepresentation) >= 0 ? GetInt(DicomTag.PixelRepresentation) == 1 : _parent?.HasSignedPixels() == true;

    /// <summary>Adds an element whose value is in the store; a repeated tag keeps the first element.</summary>
    internal void AddValue(DicomTag tag, DicomVR vr, uint length, int offset, int size) =>
        Add(new Entry(tag, vr, length, true, offset, size, null));

    /// <summary>Adds an element whose value was skipped.</summary>
    internal void AddUnloaded(DicomTag tag, DicomVR vr, uint length) => Add(new Entry(tag, vr, length, false, 0, 0, null));

    /// <summary>Adds a sequence element with its items.</summary>
    internal void AddSequence(DicomTag tag, uint length, DicomDataset[] items) =>
        Add(new Entry(tag, DicomVR.SQ, length, true, 0, 0, items));

    internal ReadOnlySpan<byte> Raw(in Entry entry) => entry.Loaded ? _store.Span(entry.Offset, entry.Size) : default;

    internal bool TryGetEntry(DicomTag tag, out Entry entry)
    {
        var index = IndexOf(tag);
        entry = index >= 0 ? _entries[index] : default;
        return index >= 0 && entry.Loaded;
    }

    private void Add(in Entry entry)
    {
        var position = _count;
        if (_count > 0 && _entries[_count - 1].Tag.Value >= entry.Tag.Value)
        {
            // Out of order (rare): find the place, keeping the first of repeated tags.
            position = IndexOf(entry.Tag);
            if (position >= 0)
            {
                return;
            }

            position = ~position;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }

        Array.Copy(_entries, position, _entries, position + 1, _count - position);
        _entries[position] = entry;
        _count++;
    }

    private int IndexOf(DicomTag tag)
    {
        var value = tag.Value;
        int low = 0, high = _count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var found = _entries[mid].Tag.Value;
            if (found == value)
            {
                return mid;
            }

            if (found < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }

    private string? Text(in Entry entry)
    {
        if (!entry.Loaded)
        {
            return null;
        }

        var raw = Raw(in entry);
        var vr = entry.VR;
        if (DicomVRInfo.IsString(vr))
        {
            raw = DicomVRInfo.IsSingleValuedText(vr) ? DicomText.TrimEnd(raw) : DicomText.Trim(raw);
            if (_utf8 || DicomVRInfo.UsesCharacterSet(vr))
            {
                return CharacterSet.Decode(raw, vr);
            }

            return Encoding.Latin1.GetString(raw);
        }

        return DicomVRInfo.NumberSize(vr) > 0 && DicomVRInfo.IsBinary(vr) is false ? FormatNumbers(raw, vr) : null;
    }

    private DicomCharacterSet ResolveCharacterSet()
    {
        if (_utf8)
        {
            return DicomCharacterSet.Utf8;
        }

        var index = IndexOf(DicomTag.SpecificCharacterSet);
        if (index >= 0)
        {
            // Its defined terms are ASCII, whatever VR a file gives it: decoding it through the character set it names
            // (as a file with VR LO or UN here would ask) would recurse without end.
            var text = Encoding.Latin1.GetString(DicomText.Trim(Raw(in _entries[index])));
            return DicomCharacterSet.Get(text.Split('\\').Select(v => v.Trim(' ', '\0')).ToArray());
        }

        return _parent?.CharacterSet ?? DicomCharacterSet.Default;
    }
}
