using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Dicom.Tests.Support;

/// <summary>DCMTK's reading of a file: the elements that dcmdump prints, with the items of every sequence at every depth.</summary>
internal sealed partial class DcmtkDump
{
    private DcmtkDump(int exitCode, string? transferSyntaxUid, IReadOnlyList<DcmtkElement> elements)
    {
        ExitCode = exitCode;
        TransferSyntaxUid = transferSyntaxUid;
        Elements = elements;
    }

    /// <summary>dcmdump's exit code; 0 when it read the file.</summary>
    public int ExitCode { get; }

    /// <summary>The transfer syntax the data set was read with.</summary>
    public string? TransferSyntaxUid { get; }

    /// <summary>The top-level elements in file order, up to but not including the pixel data.</summary>
    public IReadOnlyList<DcmtkElement> Elements { get; }

    /// <summary>Runs dcmdump once over many files (its start-up dominates); with utf8, DCMTK converts text to UTF-8 itself.</summary>
    /// <remarks>A file DCMTK cannot read (or, with utf8, cannot convert because iconv lacks its character set) gets exit code 1.</remarks>
    public static IReadOnlyDictionary<string, DcmtkDump> RunAll(IReadOnlyList<string> paths, bool utf8)
    {
        var executable = TestData.Dcmdump ?? throw new InvalidOperationException("DCMTK's dcmdump is required (apt-get install dcmtk).");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Without +U8 values are in each file's own character set: keep every byte as one char.
            StandardOutputEncoding = utf8 ? Encoding.UTF8 : Encoding.Latin1,
        };
        // Values up to 16 KiB are printed (our reader loads binary values up to that length by default), longer ones not.
        foreach (var argument in new[] { "-q", "-Un", "+L", "-M", "+R", "16", "+F" })
        {
            start.ArgumentList.Add(argument);
        }

        if (utf8)
        {
            start.ArgumentList.Add("+U8");
        }

        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = errors.Result;

        var dumps = paths.ToDictionary(p => p, _ => new DcmtkDump(1, null, []));
        var headers = FileHeader().Matches(output);
        for (var i = 0; i < headers.Count; i++)
        {
            var index = int.Parse(headers[i].Groups["index"].Value, CultureInfo.InvariantCulture) - 1;
            var end = i + 1 < headers.Count ? headers[i + 1].Index : output.Length;
            var section = output[headers[i].Index..end];
            if (section.Contains("# Dicom-Data-Set", StringComparison.Ordinal))
            {
                dumps[paths[index]] = Parse(section);
            }
        }

        return dumps;
    }

    /// <summary>Finds an element by tag.</summary>
    public DcmtkElement? Find(DicomTag tag) => Elements.FirstOrDefault(e => e.Tag == tag);

    private static DcmtkDump Parse(string output)
    {
        // dcmdump indents two spaces a level: an element of depth d at 4d, its sequence's items at 4d + 2.
        var root = new List<DcmtkElement>();
        var containers = new List<List<DcmtkElement>> { root };
        foreach (Match match in ElementLine().Matches(output))
        {
            var tag = DicomTag.Parse(match.Groups["tag"].Value);
            var level = match.Groups["indent"].Length / 2;
            var vr = match.Groups["vr"].Value;
            if (level == 0 && tag == DicomTag.PixelData)
            {
                break;
            }

            if (tag.Group == 0xFFFE)
            {
                // An item of a sequence ("na"; "pi" is a fragment of encapsulated pixel data); delimiters are skipped.
                if (tag == DicomTag.Item && vr == "na" && level % 2 == 1 && level / 2 < containers.Count)
                {
                    var container = containers[level / 2];
                    var sequence = container[^1];
                    var item = new List<DcmtkElement>();
                    container[^1] = sequence with { Items = [.. sequence.Items ?? [], item] };
                    containers.RemoveRange(level / 2 + 1, containers.Count - level / 2 - 1);
                    containers.Add(item);
                }

                continue;
            }

            if (level % 2 == 1 || level / 2 >= containers.Count)
            {
                throw new InvalidOperationException($"unexpected indentation of dcmdump's line {match.Value}");
            }

            var value = Value(match.Groups["value"].Value);
            var isSequence = value?.StartsWith("(Sequence with ", StringComparison.Ordinal) == true;
            containers[level / 2].Add(new DcmtkElement(tag, vr, isSequence ? null : value, isSequence ? [] : null));
        }

        var elements = root;
        var declared = elements.FirstOrDefault(e => e.Tag == DicomTag.TransferSyntaxUID)?.Value;
        var used = UsedTransferSyntax().Matches(output).LastOrDefault()?.Groups["name"].Value;
        var uid = string.IsNullOrEmpty(declared) ? used switch
        {
            "Little Endian Implicit" => "1.2.840.10008.1.2",
            "Little Endian Explicit" => "1.2.840.10008.1.2.1",
            "Big Endian Explicit" => "1.2.840.10008.1.2.2",
            _ => null,
        } : declared;
        return new DcmtkDump(0, uid, elements);
    }

    private static string? Value(string printed) => printed switch
    {
        "(no value available)" => string.Empty,
        "(not loaded)" => null,
        _ when printed.StartsWith('[') && printed.EndsWith(']') => printed[1..^1],
        _ => printed,
    };

    // "(0010,0010) PN [Doe^John]   #  8, 1 PatientName", indented by depth; the value may span lines when it holds
    // line breaks.
    [GeneratedRegex(@"^(?<indent> *)(?<tag>\([0-9a-f]{4},[0-9a-f]{4}\)) (?<vr>\S\S) (?<value>.*?) +# *(?:\d+|u/l), *\d+ \S[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ElementLine();

    [GeneratedRegex(@"^# dcmdump \((?<index>\d+)/\d+\): ", RegexOptions.Multiline)]
    private static partial Regex FileHeader();

    [GeneratedRegex(@"^# Used TransferSyntax: (?<name>.+)$", RegexOptions.Multiline)]
    private static partial Regex UsedTransferSyntax();
}
