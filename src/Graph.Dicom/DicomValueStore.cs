namespace Graph.Dicom;

/// <summary>One growing byte arena that holds the values of a data set and all its items.</summary>
internal sealed class DicomValueStore
{
    private byte[] _buffer;

    public DicomValueStore(int capacity = 2048)
    {
        _buffer = new byte[capacity];
    }

    /// <summary>The bytes used so far.</summary>
    public int Length { get; private set; }

    /// <summary>Reserves room for a value and returns its offset.</summary>
    public int Reserve(int length)
    {
        var offset = Length;
        var needed = (long)offset + length;
        if (needed > _buffer.Length)
        {
            var capacity = Math.Max(needed, Math.Min((long)_buffer.Length * 2, Array.MaxLength));
            if (capacity > Array.MaxLength)
            {
                throw new InvalidOperationException("The value store cannot grow past the largest array.");
            }

            Array.Resize(ref _buffer, (int)capacity);
        }

        Length = (int)needed;
        return offset;
    }

    /// <summary>Copies a value into the store and returns its offset.</summary>
    public int Append(ReadOnlySpan<byte> value)
    {
        var offset = Reserve(value.Length);
        value.CopyTo(_buffer.AsSpan(offset));
        return offset;
    }

    /// <summary>Returns a writable view of stored bytes.</summary>
    public Span<byte> Span(int offset, int length) => _buffer.AsSpan(offset, length);

    /// <summary>Returns a read-only view of stored bytes; it stays correct as the store grows, since values never change once written.</summary>
    public ReadOnlyMemory<byte> Memory(int offset, int length) => _buffer.AsMemory(offset, length);
}
