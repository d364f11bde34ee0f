using System.Buffers;

namespace Graph.Dicom.IO;

/// <summary>A forward reader over a stream with one bounded buffer; skips by seeking where the stream allows it.</summary>
internal sealed class DicomInput : IDisposable
{
    private const int BufferSize = 16 * 1024;
    private readonly Stream _stream;
    private readonly long _streamStart;
    private readonly long _length;
    private byte[] _buffer;
    private int _position;
    private int _end;
    private long _bufferOrigin;
    private bool _endOfStream;

    /// <summary>Reads from the stream's current position; a seekable stream's length bounds every value.</summary>
    public DicomInput(Stream stream)
    {
        _stream = stream;
        if (stream.CanSeek)
        {
            _streamStart = stream.Position;
            _length = Math.Max(0, stream.Length - _streamStart);
        }
        else
        {
            _length = -1;
        }

        // Small files get a small buffer; never below 512 bytes, more than the 132 of preamble and prefix.
        _buffer = ArrayPool<byte>.Shared.Rent(_length is >= 0 and < BufferSize ? Math.Max(512, (int)_length) : BufferSize);
    }

    /// <summary>The offset of the next byte from where reading began.</summary>
    public long Position => _bufferOrigin + _position;

    /// <summary>Whether skipping seeks; otherwise skipped bytes have to be read.</summary>
    public bool CanSeek => _length >= 0;

    /// <summary>The bytes left before the end of a seekable stream, or <see cref="long.MaxValue"/> when unknown.</summary>
    public long Remaining => _length < 0 ? long.MaxValue : _length - Position;

    /// <summary>The buffered bytes from the current position (at least as many as the last successful <see cref="TryEnsure"/> asked for).</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_position, _end - _position);

    /// <summary>Tells whether no byte is left.</summary>
    public bool AtEnd => !TryEnsure(1);

    /// <summary>Makes sure that at least count bytes are buffered; false at the end of the stream.</summary>
    public bool TryEnsure(int count) => _end - _position >= count || Fill(count);

    /// <summary>Moves past bytes that are buffered.</summary>
    public void Advance(int count) => _position += count;

    /// <summary>Copies the next bytes into a destination; false if the stream ends first.</summary>
    public bool ReadExactly(Span<byte> destination)
    {
        var buffered = Math.Min(destination.Length, _end - _position);
        _buffer.AsSpan(_position, buffered).CopyTo(destination);
        _position += buffered;
        destination = destination[buffered..];
        if (destination.IsEmpty)
        {
            return true;
        }

        if (destination.Length < _buffer.Length / 2)
        {
            if (!TryEnsure(destination.Length))
            {
                return false;
            }

            _buffer.AsSpan(_position, destination.Length).CopyTo(destination);
            _position += destination.Length;
            return true;
        }

        // Large values go straight from the stream to their destination.
        Discard();
        while (!destination.IsEmpty)
        {
            var n = _stream.Read(destination);
            if (n <= 0)
            {
                _endOfStream = true;
                return false;
            }

            _bufferOrigin += n;
            destination = destination[n..];
        }

        return true;
    }

    /// <summary>Moves past bytes, seeking when the stream can; false if the stream ends first.</summary>
    public bool Skip(long count)
    {
        if (count <= _end - _position)
        {
            _position += (int)count;
            return true;
        }

        if (_length >= 0)
        {
            if (count > Remaining)
            {
                return false;
            }

            var target = Position + count;
            _stream.Seek(_streamStart + target, SeekOrigin.Begin);
            _bufferOrigin = target;
            _position = _end = 0;
            _endOfStream = false;
            return true;
        }

        count -= _end - _position;
        Discard();
        while (count > 0)
        {
            var n = _stream.Read(_buffer, 0, (int)Math.Min(count, _buffer.Length));
            if (n <= 0)
            {
                _endOfStream = true;
                return false;
            }

            _bufferOrigin += n;
            count -= n;
        }

        return true;
    }

    /// <summary>Hands over the buffered bytes not yet read, leaving the stream at the byte after them.</summary>
    public byte[] TakeBuffered()
    {
        var rest = _buffer.AsSpan(_position, _end - _position).ToArray();
        Discard();
        return rest;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Discard()
    {
        _bufferOrigin += _end;
        _position = _end = 0;
    }

    private bool Fill(int count)
    {
        if (_position > 0)
        {
            var kept = _end - _position;
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, kept);
            _bufferOrigin += _position;
            _position = 0;
            _end = kept;
        }

        if (count > _buffer.Length)
        {
            throw new InvalidOperationException("A read ahead cannot exceed the buffer.");
        }

        while (_end < count && !_endOfStream)
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n <= 0)
            {
                _endOfStream = true;
            }
            else
            {
                _end += n;
            }
        }

        return _end >= count;
    }
}
