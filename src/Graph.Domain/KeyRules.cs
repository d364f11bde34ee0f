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
    public static string? Check(NodeKind kind, string? key)
    {
        if (string.IsNullOrEmpty(key))
            return $"{kind.KeyField} is empty";
        if (key.Length > NodeKind.MaxKeyLength)
            return $"{kind.KeyField} is longer than {NodeKind.MaxKeyLength} characters";
        if (key.Any(char.IsControl))
            return $"{kind.KeyField} contains a control character";
        return kind.KeyField switch
        {
            "slug" or "code" when !Slug().IsMatch(key) =>
                $"{kind.KeyField} '{key}' must be lowercase letters, digits, '.', '_' or '-'",
            "studyInstanceUid" or "seriesInstanceUid" when key.Length > 64 || !Uid().IsMatch(key) =>
                $"{kind.KeyField} '{key}' is not a DICOM UID (digits and dots, at most 64 characters)",
            "curie" when key.IndexOf(':', StringComparison.Ordinal) <= 0 =>
                $"curie '{key}' must be a prefix and a code separated by ':'",
            _ => null,
        };
    }
}
