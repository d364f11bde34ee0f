namespace Graph.Domain;

/// <summary>Checks one property value against its field definition.</summary>
public static class FieldRules
{
    /// <summary>Returns why a value is not acceptable for a field, or null when it is. Null removes a value and is accepted unless the field is required.</summary>
    public static string? Check(FieldDef field, object? value)
    {
        if (value is null)
            return field.Required ? "is required and cannot be removed" : null;

        var coerced = PropertyValues.Coerce(field, value, out var typeError);
        if (typeError is not null)
            return typeError;

        switch (coerced)
        {
            case string s:
                return CheckText(field, s);
            case string[] list:
                foreach (var item in list)
                {
                    if (CheckText(field, item) is { } itemError)
                        return $"item {itemError}";
                }

                return list.Length > 1000 ? "has more than 1000 items" : null;
            case long or double:
                var number = Convert.ToDouble(coerced, System.Globalization.CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                    return $"{PropertyValues.Describe(value)} is not a finite number";
                if (field.Min is { } min && number < min)
                    return $"{PropertyValues.Describe(value)} is below the minimum {min}";
                if (field.Max is { } max && number > max)
                    return $"{PropertyValues.Describe(value)} is above the maximum {max}";
                if (field.Type == ValueKind.Int && (number > int.MaxValue || number < int.MinValue))
                    return $"{PropertyValues.Describe(value)} does not fit a 32-bit integer";
                return null;
            default:
                return null;
        }
    }

    private static string? CheckText(FieldDef field, string text)
    {
        if (field.Required && string.IsNullOrWhiteSpace(text))
            return "is required and cannot be empty";
        if (text.Length > field.MaxLength)
            return $"{PropertyValues.Describe(text)} is longer than {field.MaxLength} characters";
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            return $"{PropertyValues.Describe(text)} contains a control character";
        if (field.AllowedValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
            return $"{PropertyValues.Describe(text)} is not one of {string.Join(", ", allowed)}";
        return null;
    }
}
