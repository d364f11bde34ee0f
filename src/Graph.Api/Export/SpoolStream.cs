namespace Graph.Api.Export;

/// <summary>A write-only stream that keeps what is written in memory until drained to the real output, and counts its
/// position from the start, as a file writer that records offsets needs; it lets a synchronous writer feed an HTTP body.</summary>
internal sealed class SpoolStream(Stream output) : Stream
{
    private readonly MemoryStream _spool = new();
    private long _drained;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _drained + _spool.Length;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    /// <summary>Sends what is spooled to the output.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_spool.Length == 0)
            return;
        await output.WriteAsync(_spool.GetBuffer().AsMemory(0, (int)_spool.Length), cancellationToken).ConfigureAwait(false);
        _drained += _spool.Length;
        _spool.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => _spool.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _spool.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _spool.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _spool.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _spool.Dispose();
        base.Dispose(disposing);
    }
}
