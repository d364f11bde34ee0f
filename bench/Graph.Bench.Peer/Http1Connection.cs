using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Graph.Bench.Peer;

/// <summary>
/// One keep-alive HTTP/1.1 connection on a blocking socket, for the timed load: a POST of a JSON body and the answer read back
/// (by Content-Length or chunked). The load generator shares the 2 cores with the server it measures, so it must cost as little
/// as it can: HttpClient took 22–40 µs of CPU per request, as much as our service's whole answer to an empty query; a blocking
/// socket per worker thread costs one send and one or two receives. <see cref="LoadGenerator"/> checks it against HttpClient.
/// </summary>
internal sealed class Http1Connection(Uri endpoint, string? apiKey) : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private readonly byte[] _head = Encoding.ASCII.GetBytes(
        $"POST {endpoint.PathAndQuery} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\nAccept: application/json\r\n" +
        (apiKey is null ? "" : $"X-Api-Key: {apiKey}\r\n") + "Content-Length: ");
    private byte[] _request = new byte[4096];
    private byte[] _buffer = new byte[64 * 1024];
    private int _filled;
    private int _consumed;
    private Socket? _socket;

    /// <summary>Sends <paramref name="body"/> and reads the answer: its status and its body (valid until the next call). A
    /// connection the server closed between requests is opened again once.</summary>
    public (int Status, ReadOnlyMemory<byte> Body) Post(byte[] body)
    {
        var length = Compose(body);
        for (var attempt = 0; ; attempt++)
        {
            var fresh = _socket is null;
            _socket ??= Connect();
            try
            {
                _socket.Send(_request.AsSpan(0, length));
                return Read();
            }
            catch (Exception e) when (!fresh && attempt == 0 && (e is EndOfStreamException || e is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }))
            {
                // The server closed an idle connection (Node does after 5 s): open another and send again.
                Close();
            }
            catch
            {
                Close();
                throw;
            }
        }
    }

    public void Dispose() => Close();

    private Socket Connect()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 60_000, SendTimeout = 60_000 };
        socket.Connect(new IPEndPoint(IPAddress.Parse(endpoint.Host), endpoint.Port));
        (_filled, _consumed) = (0, 0);
        return socket;
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private int Compose(byte[] body)
    {
        var need = _head.Length + 16 + body.Length;
        if (_request.Length < need)
            _request = new byte[need * 2];
        _head.CopyTo(_request, 0);
        var at = _head.Length;
        Utf8Formatter.TryFormat(body.Length, _request.AsSpan(at), out var digits);
        at += digits;
        "\r\n\r\n"u8.CopyTo(_request.AsSpan(at));
        at += 4;
        body.CopyTo(_request, at);
        return at + body.Length;
    }

    private (int Status, ReadOnlyMemory<byte> Body) Read()
    {
        // Requests are not pipelined: the last answer ended where the buffer's bytes did.
        if (_filled != _consumed)
            throw new InvalidDataException($"{endpoint} sent {_filled - _consumed} bytes after an answer");
        (_filled, _consumed) = (0, 0);
        int headerLength;
        while ((headerLength = _buffer.AsSpan(0, _filled).IndexOf(HeaderEnd)) < 0)
            Fill();
        var head = Encoding.ASCII.GetString(_buffer, 0, headerLength);
        var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var start = headerLength + HeaderEnd.Length;
        int end;
        if (Header(head, "content-length") is { } contentLength)
        {
            end = _consumed = start + int.Parse(contentLength, CultureInfo.InvariantCulture);
            while (_filled < end)
                Fill();
        }
        else if (Header(head, "transfer-encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            end = Dechunk(start);
        }
        else
        {
            throw new InvalidDataException($"{endpoint} answered without a length: {head}");
        }

        if (Header(head, "connection")?.Contains("close", StringComparison.OrdinalIgnoreCase) == true)
            Close();
        return (status, _buffer.AsMemory(start, end - start));
    }

    /// <summary>Joins the chunks that start at <paramref name="start"/> in place, and returns where the joined body ends.</summary>
    private int Dechunk(int start)
    {
        var write = start;
        var read = start;
        while (true)
        {
            int line;
            while ((line = _buffer.AsSpan(read, _filled - read).IndexOf("\r\n"u8)) < 0)
                Fill();
            var sizeText = Encoding.ASCII.GetString(_buffer, read, line).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            read += line + 2;
            if (size == 0)
            {
                // Trailer fields (none expected), then the empty line.
                int trailer;
                while ((trailer = _buffer.AsSpan(read, _filled - read).IndexOf("\r\n"u8)) != 0)
                {
                    if (trailer > 0)
                        read += trailer + 2;
                    else
                        Fill();
                }

                _consumed = read + 2;
                return write;
            }

            while (_filled < read + size + 2)
                Fill();
            Buffer.BlockCopy(_buffer, read, _buffer, write, size);
            write += size;
            read += size + 2;
        }
    }

    private void Fill()
    {
        if (_filled == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _socket!.Receive(_buffer, _filled, _buffer.Length - _filled, SocketFlags.None);
        if (read == 0)
            throw new EndOfStreamException($"{endpoint} closed the connection");
        _filled += read;
    }

    private static string? Header(string head, string name)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                return line[(colon + 1)..].Trim();
        }

        return null;
    }
}
