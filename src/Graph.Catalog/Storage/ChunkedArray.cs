namespace Graph.Catalog.Storage;

/// <summary>An immutable array stored in fixed-size chunks, so that a new version shares every chunk it did not change.</summary>
internal sealed class ChunkedArray<T>
{
    public const int Shift = 12;
    public const int ChunkSize = 1 << Shift;
    public const int Mask = ChunkSize - 1;

    public static readonly ChunkedArray<T> Empty = new([], 0);

    internal ChunkedArray(T[][] chunks, int length)
    {
        Chunks = chunks;
        Length = length;
    }

    internal T[][] Chunks { get; }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>Gets an element; the index must be below <see cref="Length"/>.</summary>
    public T this[int index] => Chunks[index >> Shift][index & Mask];
}

/// <summary>Makes a new version of a <see cref="ChunkedArray{T}"/>, copying each chunk at most once, on its first write.</summary>
internal sealed class ChunkedArrayBuilder<T>
{
    private readonly T _fill;
    private T[][] _chunks;
    private bool[] _owned;

    public ChunkedArrayBuilder(ChunkedArray<T> source, T fill)
    {
        _fill = fill;
        _chunks = (T[][])source.Chunks.Clone();
        _owned = new bool[_chunks.Length];
        Length = source.Length;
    }

    public int Length { get; private set; }

    public T this[int index] => _chunks[index >> ChunkedArray<T>.Shift][index & ChunkedArray<T>.Mask];

    public void Set(int index, T value)
    {
        if (index >= Length)
            Grow(index + 1);
        var chunk = index >> ChunkedArray<T>.Shift;
        if (!_owned[chunk])
        {
            _chunks[chunk] = (T[])_chunks[chunk].Clone();
            _owned[chunk] = true;
        }

        _chunks[chunk][index & ChunkedArray<T>.Mask] = value;
    }

    public ChunkedArray<T> Build() => new(_chunks, Length);

    private void Grow(int length)
    {
        var needed = (length + ChunkedArray<T>.Mask) >> ChunkedArray<T>.Shift;
        if (needed > _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(needed, _chunks.Length * 2));
            Array.Resize(ref _owned, _chunks.Length);
        }

        for (var i = (Length + ChunkedArray<T>.Mask) >> ChunkedArray<T>.Shift; i < needed; i++)
        {
            if (_chunks[i] is not null)
                continue;
            var chunk = new T[ChunkedArray<T>.ChunkSize];
            if (!EqualityComparer<T>.Default.Equals(_fill, default!))
                Array.Fill(chunk, _fill);
            _chunks[i] = chunk;
            _owned[i] = true;
        }

        Length = length;
    }
}
