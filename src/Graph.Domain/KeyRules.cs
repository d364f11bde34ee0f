using System.Text.RegularExpressions;

namespace Graph.Domain;

/// <summary>The form each kind's natural key must have.</summary>
public static partial class KeyRules
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*$")]
    private static partial Regex Uid();

    /// <summary>Returns why a key is not acceptable for a kind, or null when it is.</summary>
    public static string? Check(NodeKind kind, string? key) => Check(kind, key, quote: true);

    /// <summary>Returns the rule a key breaks without quoting the key (for reports that must never repeat a value), or null when it is acceptable.</summary>
    public static string? Rule(NodeKind kind, string? key) => Check(kind, key, quote: false);

    private static string? Check(NodeKind kind, string? key, bool quote)
    {
        if (string.IsNullOrEmpty(key))
            return $"{kind.KeyField} is empty";
        if (key.Length > NodeKind.MaxKeyLength)
            return $"{kind.KeyField} is longer than {NodeKind.MaxKeyLength} characters";
        if (key.Any(char.IsControl))
            return $"{kind.KeyField} contains a control character";
        if (key.Any(FieldRules.ReordersText))
            return $"{kind.KeyField} contains a bidirectional override";
        var named = quote ? $"{kind.KeyField} '{key}'" : kind.KeyField;
        return kind.KeyField switch
        {
            "slug" or "code" when !Slug().IsMatch(key) =>
                $"{named} must be lowercase letters, digits, '.', '_' or '-'",
            "studyInstanceUid" or "seriesInstanceUid" when key.Length > 64 || !Uid().IsMatch(key) =>
                $"{named} is not a DICOM UID (digits and dots, at most 64 characters)",
            "curie" when key.IndexOf(':', StringComparison.Ordinal) <= 0 =>
                $"{named} must be a prefix and a code separated by ':'",
            _ => null,
        };
    }
}
