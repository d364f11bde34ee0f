using System.Buffers.Binary;
using System.IO.Compression;

namespace Graph.Dicom.IO;

/// <summary>Reads a Part 10 file, or a bare data set, up to its pixel data into a <see cref="DicomDataset"/>.</summary>
internal sealed partial class DicomParser
{
    private const uint Undefined = DicomElement.UndefinedLength;

    // What an element or item costs in memory besides its value, charged against MaxTotalBytes.
    private const int EntryCost = 32;

    private readonly Stream _stream;
    private readonly string? _path;
    private readonly DicomReadOptions _options;
    private readonly DicomValueStore _store = new();
    private DicomInput _input;
    private Stream? _inflater;
    private bool _explicit = true;
    private bool _bigEndian;
    private bool _stopped;
    private long _budget;
    private long _elementOffset;
    private DicomTag? _elementTag;

    private DicomParser(Stream stream, string? path, DicomReadOptions options)
    {
        _stream = stream;
        _path = path;
        _options = options;
        _budget = options.MaxTotalBytes;
        _input = new DicomInput(stream);
    }

    private enum Scope
    {
        Meta,
        Root,
        Item,
    }

    /// <summary>Reads the stream from its current position; every failure becomes a <see cref="DicomReadException"/>.</summary>
    public static DicomDataset Parse(Stream stream, string? path, DicomReadOptions options)
    {
        var parser = new DicomParser(stream, path, options);
        try
        {
            return parser.ReadRoot();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            throw parser.Error($"the input could not be read ({ex.GetType().Name})", ex);
        }
        finally
        {
            parser._input.Dispose();
            parser._inflater?.Dispose();
        }
    }

    private static bool PlausibleFirstGroup(ushort group) =>
        group is 0x0000 or 0x0002 or 0x0004 || (group is >= 0x0008 and <= 0x0028 && (group & 1) == 0);

    private DicomDataset ReadRoot()
    {
        var root = new DicomDataset(_store, null, capacity: 64);
        var hasPreamble = _input.TryEnsure(132) && _input.Span.Slice(128, 4).SequenceEqual("DICM"u8);
        if (hasPreamble)
        {
            _input.Advance(132);
        }

        // File meta information (group 0002) is explicit VR little endian whatever the transfer syntax.
        var hasMeta = _input.TryEnsure(8) && BinaryPrimitives.ReadUInt16LittleEndian(_input.Span) == 0x0002;
        if (hasMeta)
        {
            ReadElements(root, -1, 0, Scope.Meta);
        }

        _elementTag = null;
        _elementOffset = _input.Position;
        var declared = hasMeta ? root.GetString(DicomTag.TransferSyntaxUID) : null;
        TransferSyntax syntax;
        if (!string.IsNullOrEmpty(declared))
        {
            syntax = TransferSyntax.From(declared);
            if (syntax.Deflated)
            {
                Inflate();
            }

            _explicit = syntax.ExplicitVR;
            _bigEndian = syntax.BigEndian;
            if (!_bigEndian && _input.TryEnsure(8))
            {
                // Some writers declare one VR encoding and write the other: read the data set as written.
                _explicit = DicomVRInfo.FromBytes(_input.Span[4], _input.Span[5]) != DicomVR.None;
            }
        }
        else if (_input.AtEnd && (hasMeta || hasPreamble))
        {
            syntax = TransferSyntax.ExplicitVRLittleEndian;
        }
        else
        {
            var bare = !hasMeta && !hasPreamble;
            syntax = Detect(bare) ?? throw Error(bare
                ? "not a DICOM file: no 'DICM' prefix and the data does not start with a data element"
                : "the transfer syntax is missing and the first data set element is unreadable");
            _explicit = syntax.ExplicitVR;
            _bigEndian = syntax.BigEndian;
        }

        root.SetTransferSyntax(syntax.Uid);
        ReadElements(root, -1, 0, Scope.Root);
        return root;
    }

    private TransferSyntax? Detect(bool bare)
    {
        if (!_input.TryEnsure(8))
        {
            return null;
        }

        var header = _input.Span;
        var explicitVR = DicomVRInfo.FromBytes(header[4], header[5]) != DicomVR.None;
        var littleGroup = BinaryPrimitives.ReadUInt16LittleEndian(header);
        if (!bare || PlausibleFirstGroup(littleGroup))
        {
            if (explicitVR)
            {
                return TransferSyntax.ExplicitVRLittleEndian;
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            return length == Undefined || length <= _input.Remaining - 8 ? TransferSyntax.ImplicitVRLittleEndian : null;
        }

        return explicitVR && PlausibleFirstGroup(BinaryPrimitives.ReadUInt16BigEndian(header))
            ? TransferSyntax.ExplicitVRBigEndian
            : null;
    }

    private void Inflate()
    {
        var buffered = _input.TakeBuffered();
        _input.Dispose();
        _inflater = new DeflateStream(new PrefixedStream(buffered, _stream), CompressionMode.Decompress);
        _input = new DicomInput(_inflater);
        _elementOffset = 0;
    }

    private void Need(int count, string reason)
    {
        if (!_input.TryEnsure(count))
        {
            throw Error(reason);
        }
    }

    private void Charge(long bytes)
    {
        _budget -= bytes;
        if (_budget < 0)
        {
            throw Error($"the data set needs more than the {_options.MaxTotalBytes} bytes allowed");
        }
    }

    private void ChargeSkip(long bytes)
    {
        // Skipping on a stream that cannot seek means reading: bound that work too (a deflate bomb, an endless stream).
        if (!_input.CanSeek)
        {
            Charge(bytes);
        }
    }

    private ushort ReadUInt16(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private uint ReadUInt32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private DicomReadException Error(string reason, Exception? inner = null) =>
        new(_inflater is null ? reason : $"{reason} in the inflated data set", _path, _elementOffset, _elementTag, inner);
}
