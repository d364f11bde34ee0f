using System.Buffers.Binary;
using System.Diagnostics;
using CsCheck;
using Graph.Dicom.Tests.Support;

namespace Graph.Dicom.Tests;

/// <summary>Real files with flipped bytes, cuts, splices and bogus lengths: a data set or a DicomReadException, quickly.</summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(2);

    private static readonly string[] Seeds =
    [
        "test_files/MR_small.dcm",
        "test_files/MR_small_implicit.dcm",
        "test_files/MR_small_bigendian.dcm",
        "test_files/ExplVR_BigEndNoMeta.dcm",
        "test_files/image_dfl.dcm",
        "test_files/JPEG2000.dcm",
        "test_files/test-SR.dcm",
        "test_files/UN_sequence.dcm",
        "test_files/nested_priv_SQ.dcm",
        "test_files/rtplan.dcm",
        "test_files/liver_expb_1frame.dcm",
        "test_files/dicomdirtests/DICOMDIR",
        "charset_files/chrH32.dcm",
        "charset_files/chrSQEncoding.dcm",
    ];

    private static readonly Lazy<byte[][]> Files = new(() => [.. Seeds.Select(TestData.Bytes)]);

    private static readonly Gen<Mutation> MutationGen = Gen.Select(
        Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[1, 64], Gen.Byte, Gen.Int[0, Seeds.Length - 1],
        (kind, position, from, length, value, other) => new Mutation(kind, position, from, length, value, other));

    private static readonly Gen<(int File, Mutation[] Mutations, bool Seekable)> Cases =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], MutationGen.Array[1, 4], Gen.Bool);

    [Fact]
    public void Read_MutatedRealFile_ReturnsDataSetOrThrowsDicomReadException()
    {
        Cases.Sample(
            (file, mutations, seekable) =>
            {
                var bytes = Apply(Files.Value[file], mutations);
                var clock = Stopwatch.StartNew();
                try
                {
                    Exercise(seekable ? DicomFile.Read(new MemoryStream(bytes)) : DicomFile.Read(new ForwardOnlyStream(bytes)), 0);
                }
                catch (DicomReadException)
                {
                }

                Assert.True(clock.Elapsed < TimeBound, $"{Seeds[file]} took {clock.Elapsed}");
            },
            iter: 20_000);
    }

    [Fact]
    public void Parse_MutatedDicomJson_ReturnsDataSetsOrThrowsDicomReadException() =>
        JsonCases.Sample((position, value, cut) => ParseMutatedJson(position, value, cut), iter: 5_000);

    /// <summary>Seeds that found a bug on some run, kept so that every run checks them (issue 16: invalid UTF-8 threw InvalidOperationException).</summary>
    [Theory]
    [InlineData("9tFEnZFBxw02")]
    public void Parse_MutatedDicomJson_FoundSeed_ReturnsDataSetsOrThrowsDicomReadException(string seed) =>
        JsonCases.Sample((position, value, cut) => ParseMutatedJson(position, value, cut), iter: 1, seed: seed);

    [Fact]
    public void Parse_InvalidUtf8InString_ThrowsDicomReadException()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""[{"00100010":{"vr":"PN","Value":[{"Alphabetic":"AB"}]}}]""");
        bytes[Array.LastIndexOf(bytes, (byte)'A')] = 0xC3;
        Assert.Throws<DicomReadException>(() => DicomJson.ParseArray(bytes).ToList());
    }

    private static readonly Lazy<byte[]> Json = new(() => TestData.Bytes("test_files/test1.json"));

    private static Gen<(int, byte, int)> JsonCases => Gen.Select(Gen.Int[0, Json.Value.Length - 1], Gen.Byte, Gen.Int[0, Json.Value.Length]);

    private static void ParseMutatedJson(int position, byte value, int cut)
    {
        var bytes = Json.Value[..Math.Max(cut, 1)];
        bytes[position % bytes.Length] = value;
        try
        {
            foreach (var dataset in DicomJson.ParseArray(bytes))
            {
                Exercise(dataset, 0);
            }
        }
        catch (DicomReadException)
        {
        }
    }

    private static byte[] Apply(byte[] original, Mutation[] mutations)
    {
        var bytes = original.ToList();
        foreach (var m in mutations)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = m.Position % bytes.Count;
            switch (m.Kind)
            {
                case 0:
                    bytes[at] ^= (byte)(m.Value | 1);
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    var donor = Files.Value[m.Other];
                    var from = m.From % donor.Length;
                    bytes.InsertRange(at, donor.Skip(from).Take(m.Length));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(m.Length, bytes.Count - at));
                    break;
                default:
                    // A bogus length or tag: all ones, a huge value, or a delimiter.
                    var word = (m.Value % 3) switch { 0 => 0xFFFFFFFFu, 1 => 0x7FFFFFF0u, _ => 0xE000FFFEu };
                    var span = new byte[4];
                    BinaryPrimitives.WriteUInt32LittleEndian(span, word);
                    for (var i = 0; i < 4 && at + i < bytes.Count; i++)
                    {
                        bytes[at + i] = span[i];
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private static void Exercise(DicomDataset dataset, int depth)
    {
        _ = dataset.TransferSyntaxUid;
        _ = dataset.SpecificCharacterSet;
        foreach (var element in dataset)
        {
            var tag = element.Tag;
            _ = tag.Keyword;
            _ = dataset.GetString(tag);
            _ = dataset.GetStrings(tag);
            _ = dataset.GetDouble(tag, 1);
            _ = dataset.GetInt(tag);
            _ = dataset.GetDate(tag);
            _ = dataset.GetTime(tag);
            _ = dataset.GetDateTime(tag);
            _ = dataset.GetAge(tag);
            _ = dataset.GetPersonName(tag, 1)?.FamilyName;
            _ = dataset.GetAttributeTag(tag);
            _ = dataset.GetBytes(tag);
            foreach (var item in dataset.GetSequence(tag))
            {
                Exercise(item, depth + 1);
            }
        }

        Assert.True(depth <= DicomReadOptions.Default.MaxDepth);
    }

    private sealed record Mutation(int Kind, int Position, int From, int Length, byte Value, int Other);
}
