namespace Graph.Domain;

/// <summary>Checks one property value against its field definition.</summary>
public static class FieldRules
{
    /// <summary>Returns why a value is not acceptable for a field, or null when it is. Null removes a value and is accepted unless the field is required.</summary>
    public static string? Check(FieldDef field, object? value) => Check(field, value, quote: true);

    /// <summary>Returns the rule a value breaks without quoting the value (for reports that must never repeat one), or null when it is acceptable.</summary>
    public static string? Rule(FieldDef field, object? value) => Check(field, value, quote: false);

    private static string? Check(FieldDef field, object? value, bool quote)
    {
        if (value is null)
            return field.Required ? "is required and cannot be removed" : null;

        var coerced = PropertyValues.Coerce(field, value, out var typeError);
        if (typeError is not null)
            return quote ? typeError : $"is not a {field.Type.ToString().ToLowerInvariant()}";

        switch (coerced)
        {
            case string s:
                return CheckText(field, s, quote);
            case string[] list:
                foreach (var item in list)
                {
                    if (CheckText(field, item, quote) is { } itemError)
                        return $"item {itemError}";
                }

                return list.Length > 1000 ? "has more than 1000 items" : null;
            case long or double:
                var number = Convert.ToDouble(coerced, System.Globalization.CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                    return $"{Subject(value, quote)}is not a finite number";
                if (field.Min is { } min && number < min)
                    return $"{Subject(value, quote)}is below the minimum {min}";
                if (field.Max is { } max && number > max)
                    return $"{Subject(value, quote)}is above the maximum {max}";
                if (field.Type == ValueKind.Int && (number > int.MaxValue || number < int.MinValue))
                    return $"{Subject(value, quote)}does not fit a 32-bit integer";
                return null;
            default:
                return null;
        }
    }

    private static string? CheckText(FieldDef field, string text, bool quote)
    {
        if (field.Required && string.IsNullOrWhiteSpace(text))
            return "is required and cannot be empty";
        if (text.Length > field.MaxLength)
            return $"{Subject(text, quote)}is longer than {field.MaxLength} characters";
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            return $"{Subject(text, quote)}contains a control character";
        if (text.Any(ReordersText))
            return $"{Subject(text, quote)}contains a bidirectional override (U+202A to U+202E, U+2066 to U+2069)";
        if (field.AllowedValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
            return $"{Subject(text, quote)}is not one of {string.Join(", ", allowed)}";
        return null;
    }

    /// <summary>Whether a character reorders the text around it (a bidirectional embedding, override or isolate): in a name shown
    /// to others, "Spoof\u202Egnp.exe" reads as "Spoofexe.png". The marks U+200E, U+200F and U+061C, which right-to-left text
    /// uses and which reorder nothing strong, are allowed.</summary>
    public static bool ReordersText(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    // The value as the start of a message, or nothing when the message must not quote it.
    private static string Subject(object value, bool quote) => quote ? PropertyValues.Describe(value) + " " : "";
}
