using System.Text;

namespace Graph.Reliability.Tests.Hostile;

/// <summary>Strings that break careless code: unicode edge cases, injections, huge values.</summary>
internal static class HostileStrings
{
    private static readonly string[] Samples =
    [
        "", " ", "prostate", "MR", "glio", "\0", "\u0000\u0001\u001f", "\ud800", "\udfff", "a\ud800b", "\udc00\ud800",
        "\ufeff", "\uffff", "\ufffe", "\u202e\u202d", "e\u0301", "\U0001F600\U0001F9EC", "\u0130\u0131", "ß", "ﬁ",
        "' OR 1=1 --", "\"; DROP TABLE nodes; --", "../../../../etc/passwd", "%00", "%s%s%n", "${jndi:ldap://x}", "<script>alert(1)</script>",
        "\\", "\\u0000", "\"", "}}}}", "{{{{", "SYN-000001", "cohort-0000000000000000", "UGF0aWVudDox", "bm90IGEgcmVhbCBpZA==", "-1", "1e309",
        "NaN", "Infinity", "null", "true", "  padded  ", "\t\r\n", "\u2028\u2029", "\u00a0", "ＭＲ", "мр",
    ];

    public static string Any(Random random) => random.Next(25) switch
    {
        0 => Huge(random),
        1 => Combining(random),
        2 => RandomUnicode(random, random.Next(1, 64)),
        _ => Samples[random.Next(Samples.Length)],
    };

    public static string Huge(Random random) => new(random.Next(2) == 0 ? 'x' : '\u00e9', random.Next(1_000, 60_000));

    private static string Combining(Random random) => "a" + new string('\u0301', random.Next(100, 5_000));

    public static string RandomUnicode(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            text.Append((char)random.Next(0, 0x10000)); // lone surrogates, noncharacters and controls included
        return text.ToString();
    }

    /// <summary>A GraphQL string literal; every character outside printable ASCII as a \u escape, so lone surrogates survive.</summary>
    public static string GraphQLLiteral(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                text.Append('\\').Append(c);
            else if (c is < ' ' or > '~')
                text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else
                text.Append(c);
        }

        return text.Append('"').ToString();
    }

    /// <summary>A JSON string literal, escaped the same way (JSON allows lone surrogate escapes; decoders must cope).</summary>
    public static string JsonLiteral(string value) => GraphQLLiteral(value);
}
