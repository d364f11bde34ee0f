namespace Graph.Dicom.IO;

// Sequences, their items, and encapsulated (fragmented) values: the parts of a data set that nest or run to a delimiter.
internal sealed partial class DicomParser
{
    private void ReadUndefinedLength(DicomDataset dataset, DicomTag tag, DicomVR vr, int depth)
    {
        if (vr is DicomVR.SQ or DicomVR.UN)
        {
            // CP-246: an undefined-length UN element is a sequence encoded in implicit VR little endian.
            dataset.AddSequence(tag, Undefined, ReadSequence(dataset, Undefined, depth + 1, vr == DicomVR.UN));
            return;
        }

        if (vr is not (DicomVR.OB or DicomVR.OW) && tag.Group != 0x7FE0)
        {
            throw Error($"undefined length is not allowed for VR {vr}");
        }

        SkipFragments();
        dataset.AddUnloaded(tag, vr, Undefined);
    }

    private DicomDataset[] ReadSequence(DicomDataset parent, uint length, int depth, bool implicitLittleEndian)
    {
        if (depth > _options.MaxDepth)
        {
            throw Error($"sequences are nested more than {_options.MaxDepth} deep");
        }

        var (wasExplicit, wasBigEndian) = (_explicit, _bigEndian);
        if (implicitLittleEndian)
        {
            (_explicit, _bigEndian) = (false, false);
        }

        var end = length == Undefined ? -1 : _input.Position + length;
        List<DicomDataset>? items = null;
        while (end < 0 || _input.Position < end)
        {
            _elementOffset = _input.Position;
            Need(8, "the data ends inside a sequence");
            var header = _input.Span;
            var tag = new DicomTag(ReadUInt16(header), ReadUInt16(header[2..]));
            var itemLength = ReadUInt32(header[4..]);
            _elementTag = tag;
            _input.Advance(8);
            Charge(EntryCost);
            if (tag == DicomTag.SequenceDelimitationItem)
            {
                break;
            }

            if (tag != DicomTag.Item)
            {
                throw Error("expected an item in the sequence");
            }

            var itemEnd = -1L;
            if (itemLength != Undefined)
            {
                itemEnd = _input.Position + itemLength;
                if (itemLength > _input.Remaining || (end >= 0 && itemEnd > end))
                {
                    throw Error("the item runs past the end of its sequence or of the data");
                }
            }

            var item = new DicomDataset(_store, parent);
            ReadElements(item, itemEnd, depth, Scope.Item);
            (items ??= []).Add(item);
        }

        if (end >= 0 && _input.Position > end)
        {
            throw Error("an item runs past the end of its sequence");
        }

        (_explicit, _bigEndian) = (wasExplicit, wasBigEndian);
        return items?.ToArray() ?? [];
    }

    private void SkipFragments()
    {
        while (true)
        {
            _elementOffset = _input.Position;
            Need(8, "the data ends inside encapsulated data");
            var header = _input.Span;
            var tag = new DicomTag(ReadUInt16(header), ReadUInt16(header[2..]));
            var length = ReadUInt32(header[4..]);
            _input.Advance(8);
            Charge(EntryCost);
            if (tag == DicomTag.SequenceDelimitationItem)
            {
                return;
            }

            if (tag != DicomTag.Item || length == Undefined)
            {
                throw Error("expected a fragment item in encapsulated data");
            }

            ChargeSkip(length);
            if (!_input.Skip(length))
            {
                throw Error("the data ends inside encapsulated data");
            }
        }
    }
}
