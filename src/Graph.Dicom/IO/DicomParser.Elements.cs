using System.Buffers.Binary;
using Graph.Dicom.Dictionary;

namespace Graph.Dicom.IO;

internal sealed partial class DicomParser
{
    private void ReadElements(DicomDataset dataset, long end, int depth, Scope scope)
    {
        while (!_stopped)
        {
            if (end >= 0 && _input.Position >= end)
            {
                if (_input.Position > end)
                {
                    throw Error("an element runs past the end of its item");
                }

                return;
            }

            _elementOffset = _input.Position;
            _elementTag = null;
            if (!_input.TryEnsure(4))
            {
                if (_input.Span.IsEmpty && end < 0 && scope != Scope.Item)
                {
                    return;
                }

                throw Error(scope == Scope.Item ? "the data ends inside an item" : "the data ends inside an element header");
            }

            var group = ReadUInt16(_input.Span);
            if (scope == Scope.Meta && group != 0x0002)
            {
                return;
            }

            var tag = new DicomTag(group, ReadUInt16(_input.Span[2..]));
            _elementTag = tag;
            Charge(EntryCost);
            if (group == 0xFFFE)
            {
                if (ReadDelimiter(tag, end, scope))
                {
                    return;
                }

                continue;
            }

            ReadElement(dataset, tag, end, depth, scope);
        }
    }

    private bool ReadDelimiter(DicomTag tag, long end, Scope scope)
    {
        Need(8, "the data ends inside a delimiter");
        _input.Advance(8);
        if (tag == DicomTag.ItemDelimitationItem)
        {
            // Ends an undefined-length item; elsewhere it is a stray that DCMTK and pydicom also read past.
            return scope == Scope.Item && end < 0;
        }

        if (tag == DicomTag.SequenceDelimitationItem && scope != Scope.Item)
        {
            return false;
        }

        throw Error(tag == DicomTag.SequenceDelimitationItem ? "a sequence delimiter inside an item" : "an item outside a sequence");
    }

    private void ReadElement(DicomDataset dataset, DicomTag tag, long end, int depth, Scope scope)
    {
        var (vr, length) = ReadHeader(tag, scope);
        if (!_explicit && vr == DicomVR.US && DicomDictionary.IsSignedWithPixels(tag) && dataset.HasSignedPixels())
        {
            // An implicit VR pixel value is SS when the pixels are signed, as DCMTK and pydicom read it.
            vr = DicomVR.SS;
        }

        if (scope == Scope.Root && tag == DicomTag.PixelData)
        {
            if (length != Undefined && length > _input.Remaining)
            {
                throw Error($"the pixel data is {length} bytes long but only {_input.Remaining} are left (truncated file)");
            }

            dataset.AddUnloaded(tag, vr, length);
            _stopped = true;
            return;
        }

        if (length == Undefined)
        {
            ReadUndefinedLength(dataset, tag, vr, depth);
            return;
        }

        if (length > _input.Remaining)
        {
            throw Error($"the value is {length} bytes long but only {_input.Remaining} are left (truncated file)");
        }

        if (end >= 0 && _input.Position + length > end)
        {
            throw Error("the value runs past the end of its item");
        }

        if (vr == DicomVR.SQ || (vr == DicomVR.UN && DicomDictionary.IsSequence(tag)))
        {
            dataset.AddSequence(tag, length, ReadSequence(dataset, length, depth + 1, vr == DicomVR.UN));
            return;
        }

        if (IsBulk(tag, vr, length))
        {
            ChargeSkip(length);
            if (!_input.Skip(length))
            {
                throw Error("the data ends inside a value");
            }

            dataset.AddUnloaded(tag, vr, length);
            return;
        }

        ReadValue(dataset, tag, vr, length);
    }

    private (DicomVR VR, uint Length) ReadHeader(DicomTag tag, Scope scope)
    {
        Need(8, "the data ends inside an element header");
        var header = _input.Span;
        if (!_explicit && scope != Scope.Meta)
        {
            _input.Advance(8);
            return (DicomDictionary.ImplicitVR(tag), ReadUInt32(header[4..]));
        }

        var vr = DicomVRInfo.FromBytes(header[4], header[5]);
        if (vr == DicomVR.None)
        {
            if (scope != Scope.Meta)
            {
                throw Error($"invalid VR bytes 0x{header[4]:X2}{header[5]:X2}");
            }

            // Some writers put the file meta information in implicit VR.
            _input.Advance(8);
            return (DicomDictionary.ImplicitVR(tag), BinaryPrimitives.ReadUInt32LittleEndian(header[4..]));
        }

        if (!DicomVRInfo.HasLongLength(vr))
        {
            _input.Advance(8);
            return (vr, ReadUInt16(header[6..]));
        }

        Need(12, "the data ends inside an element header");
        var length = ReadUInt32(_input.Span[8..]);
        _input.Advance(12);
        return (vr, length);
    }

    private void ReadValue(DicomDataset dataset, DicomTag tag, DicomVR vr, uint length)
    {
        if (length > _options.MaxValueLength)
        {
            throw Error($"the value is {length} bytes long, more than the {_options.MaxValueLength} allowed");
        }

        Charge(length);
        var size = (int)length;
        var offset = _store.Reserve(size);
        var value = _store.Span(offset, size);
        if (!_input.ReadExactly(value))
        {
            throw Error("the data ends inside a value");
        }

        if (_bigEndian)
        {
            SwapBytes(value, vr);
        }

        // An explicit UN value of an attribute we know is little endian implicit VR data: give it its real VR.
        if (vr == DicomVR.UN && DicomDictionary.Find(tag) is { } known)
        {
            vr = known.VR;
        }

        dataset.AddValue(tag, vr, length, offset, size);
    }

    private bool IsBulk(DicomTag tag, DicomVR vr, uint length)
    {
        if ((tag.Group == 0x7FE0 && tag.Element != 0) || ((tag.Group & 0xFF01) == 0x6000 && tag.Element == 0x3000))
        {
            return true;
        }

        // Waveform Data, Encapsulated Document, Spectroscopy Data, Data Set Trailing Padding.
        if (tag.Value is 0x54001010 or 0x00420011 or 0x56000020 or 0xFFFCFFFC)
        {
            return true;
        }

        // A UN value of an attribute we know is read as its real VR (see ReadValue): a UID sent as UN is no bulk data.
        var real = vr == DicomVR.UN && DicomDictionary.Find(tag) is { } known ? known.VR : vr;
        return DicomVRInfo.IsBinary(real) && length > _options.MaxInlineBinaryLength;
    }

    private static void SwapBytes(Span<byte> value, DicomVR vr)
    {
        var size = vr == DicomVR.AT ? 2 : DicomVRInfo.NumberSize(vr);
        if (size < 2)
        {
            return;
        }

        for (var i = 0; i + size <= value.Length; i += size)
        {
            value.Slice(i, size).Reverse();
        }
    }
}
