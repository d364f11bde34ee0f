using System.IO.Hashing;

namespace Graph.Catalog.Storage;

/// <summary>Passes bytes through to another stream and hashes those before a limit (XXH64), reading or writing.</summary>
internal sealed class HashingStream(Stream inner, long limit) : Stream
{
    private readonly XxHash64 _hash = new();

    /// <summary>The hash of the bytes passed so far, up to the limit.</summary>
    public ulong Hash => _hash.GetCurrentHashAsUInt64();

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    /// <summary>How many bytes have passed.</summary>
    public override long Position
    {
        get => _passed;
        set => throw new NotSupportedException();
    }

    private long _passed;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, Math.Max(0, limit - _passed))]);
        Pass(buffer[..read]);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Pass(buffer);
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Pass(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes[..(int)Math.Min(bytes.Length, Math.Max(0, limit - _passed))]);
        _passed += bytes.Length;
    }
}
