using System.Globalization;
using System.Text.RegularExpressions;

namespace Graph.Domain;

/// <summary>The addresses the catalogue publishes as links (IRIs in DCAT-AP): absolute http(s) URLs and e-mail addresses.</summary>
/// <remarks>A value that passes can be written as an IRI as it is. Anything else is text, never a link: linked-data processors drop
/// an IRI with a space or a quote, resolve a relative one against wherever the document was fetched from, and take <c>_:b0</c> for a
/// blank node, so a bad address would vanish or point somewhere else without an error.</remarks>
public static partial class WebAddress
{
    /// <summary>The printable ASCII characters an IRI may not hold (RFC 3987); spaces and control characters may not appear either.</summary>
    public const string Forbidden = "<>\"{}|\\^`";

    /// <summary>The rule <see cref="CheckHttpUrl"/> enforces, as messages state it.</summary>
    public const string HttpUrlRule = "an absolute http or https URL (http://host/...), without spaces, control characters or any of < > \" { } | \\ ^ ` "
        + "(percent-encode them: a space is %20)";

    /// <summary>Why a text is not an absolute http or https URL that can be published as an IRI, or null when it is.</summary>
    /// <remarks>The message quotes the text without the user name and password it may hold.</remarks>
    public static string? CheckHttpUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = WithoutCredentials(text);
        foreach (var c in text)
        {
            if (IsForbidden(c))
                return $"'{shown}' holds {Describe(c)}; it must be {HttpUrlRule}";
        }

        if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return $"'{shown}' is not {HttpUrlRule}";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            return $"'{shown}' is not {HttpUrlRule}";
        // Brackets belong around an IPv6 host only: in a path, query or fragment an IRI may not hold them.
        var afterHost = text.IndexOfAny(['/', '?', '#'], text.IndexOf("//", StringComparison.Ordinal) + 2);
        if (afterHost >= 0 && text.IndexOfAny(['[', ']'], afterHost) >= 0)
            return $"'{shown}' holds a '[' or ']' after its host (they may only enclose an IPv6 address); percent-encode them as %5B and %5D";
        if (BadPercent().IsMatch(text))
            return $"'{shown}' holds a '%' that is not followed by two hexadecimal digits; write a '%' itself as %25";
        return uri.UserInfo.Length > 0 ? "holds a user name or password, which must never be published" : null;
    }

    /// <summary>Whether a text is an absolute http or https URL that can be published as an IRI (<see cref="CheckHttpUrl"/>).</summary>
    public static bool IsHttpUrl(string? text) => text is not null && CheckHttpUrl(text) is null;

    /// <summary>Whether a text is an e-mail address (local@domain.tld, optionally after <c>mailto:</c>) whose mailto: IRI needs no escaping.</summary>
    public static bool IsEmail(string? text) => text is { Length: <= 254 } && Email().IsMatch(text);

    /// <summary>Why a contact is neither an e-mail address nor a publishable http(s) URL, or null when it is one of them.</summary>
    public static string? CheckContact(string contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (string.IsNullOrWhiteSpace(contact))
            return "is empty; leave it out for no contact";
        var text = contact.Trim();
        if (IsEmail(text))
            return null;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return CheckHttpUrl(text);
        return $"'{text}' is neither an e-mail address (imaging@hospital.example) nor {HttpUrlRule}; catalogues publish the contact as a link";
    }

    /// <summary>The IRI a contact is published as: <c>mailto:</c> and the address for an e-mail address, the URL for an http(s) URL,
    /// else null (the contact is text, never a link).</summary>
    public static string? ContactIri(string? contact)
    {
        var text = contact?.Trim();
        if (IsEmail(text))
            return "mailto:" + (text!.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? text[7..] : text);
        return IsHttpUrl(text) ? text : null;
    }

    // Spaces, controls and format characters (bidirectional marks, zero-width joiners) are invisible or reorder what a reader sees.
    private static bool IsForbidden(char c) =>
        Forbidden.Contains(c, StringComparison.Ordinal) || char.IsWhiteSpace(c) || char.IsControl(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse;

    private static string Describe(char c) => c == ' '
        ? "a space"
        : char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse
            ? $"the character U+{(int)c:X4}"
            : $"the character '{c}'";

    // A URL as a message may quote it: a user name and password before the host are left out.
    private static string WithoutCredentials(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return text;
        var start = scheme + 3;
        var end = text.IndexOfAny(['/', '?', '#'], start);
        var at = text.LastIndexOf('@', (end < 0 ? text.Length : end) - 1, (end < 0 ? text.Length : end) - start);
        return at < 0 ? text : string.Concat(text.AsSpan(0, start), "…@", text.AsSpan(at + 1));
    }

    [GeneratedRegex("%(?![0-9A-Fa-f]{2})")]
    private static partial Regex BadPercent();

    // The local part keeps to characters a mailto: IRI holds as they are ('?' and '#' would start headers or a fragment).
    [GeneratedRegex(@"^(?i:mailto:)?[\p{L}\p{N}!$&'*+=_~-]+(\.[\p{L}\p{N}!$&'*+=_~-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$")]
    private static partial Regex Email();
}
