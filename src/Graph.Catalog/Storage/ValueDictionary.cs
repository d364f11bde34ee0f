using System.Collections.Concurrent;

namespace Graph.Catalog.Storage;

/// <summary>Append-only codes for the distinct texts of a column, shared by every snapshot (a code never changes).</summary>
internal sealed class ValueDictionary
{
    private readonly ConcurrentDictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private volatile string[] _values = new string[16];
    private volatile int _count;

    /// <summary>The number of distinct values so far.</summary>
    public int Count => _count;

    /// <summary>Gets the text of a code.</summary>
    public string this[int code] => _values[code];

    /// <summary>Finds the code of a text, or -1.</summary>
    public int Find(string value) => _codes.TryGetValue(value, out var code) ? code : -1;

    /// <summary>Gets or adds the code of a text.</summary>
    public int Intern(string value)
    {
        if (_codes.TryGetValue(value, out var code))
            return code;
        lock (_gate)
        {
            if (_codes.TryGetValue(value, out code))
                return code;
            code = _count;
            if (code == _values.Length)
            {
                var grown = new string[code * 2];
                Array.Copy(_values, grown, code);
                _values = grown;
            }

            _values[code] = value;
            _count = code + 1;
            _codes[value] = code;
            return code;
        }
    }
}
