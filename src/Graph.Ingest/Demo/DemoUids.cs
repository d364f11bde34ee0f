namespace Graph.Ingest.Demo;

/// <summary>Makes DICOM UIDs under the 2.25 root (UUID-derived, ISO/IEC 9834-8) that follow from a patient's identity.</summary>
internal static class DemoUids
{
    private const string Root = "2.25.";
    private const ulong StudyTag = 0x5354;
    private const ulong SeriesTag = 0x5345;
    private const uint Billion = 1_000_000_000;

    /// <summary>The Study Instance UID of a patient's study.</summary>
    public static string Study(ulong patient, int study) => Make(DemoRandom.Mix(patient ^ StudyTag, (ulong)study));

    /// <summary>The Series Instance UID of a series of a patient's study.</summary>
    public static string Series(ulong patient, int study, int series) =>
        Make(DemoRandom.Mix(patient ^ SeriesTag, ((ulong)study << 32) | (uint)series));

    /// <summary>Identifies a patient for its UIDs: the seed, the dataset and the patient's number there.</summary>
    public static ulong Patient(int seed, int dataset, int number) =>
        DemoRandom.Mix(DemoRandom.Mix((ulong)(uint)seed, (ulong)(uint)dataset), (ulong)(uint)number);

    private static string Make(ulong high)
    {
        var low = DemoRandom.Mix(high);
        // A version 8 (custom) UUID: version nibble 8, variant bits 10.
        high = (high & ~0xF000UL) | 0x8000UL;
        low = (low & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;
        return Root + Decimal(high, low);
    }

    // UInt128.ToString divides in software; dividing 32-bit limbs by 10^9 is several times faster.
    private static string Decimal(ulong high, ulong low)
    {
        Span<uint> limbs = [(uint)(high >> 32), (uint)high, (uint)(low >> 32), (uint)low];
        Span<char> digits = stackalloc char[40];
        var position = digits.Length;
        var first = 0;
        while (first < limbs.Length)
        {
            ulong remainder = 0;
            for (var i = first; i < limbs.Length; i++)
            {
                var current = (remainder << 32) | limbs[i];
                limbs[i] = (uint)(current / Billion);
                remainder = current % Billion;
            }

            while (first < limbs.Length && limbs[first] == 0)
                first++;
            var chunk = (uint)remainder;
            for (var d = 0; d < 9 && (first < limbs.Length || chunk != 0); d++)
            {
                digits[--position] = (char)('0' + (chunk % 10));
                chunk /= 10;
            }
        }

        return new string(digits[position..]);
    }
}
