using FluentValidation.Results;

namespace Graph.Domain;

/// <summary>Validation failures that carry, besides their message, the same message without the value it names.</summary>
public static class ValidationFailures
{
    /// <summary>A failure whose message names the value, with the value-free message as its custom state.</summary>
    public static ValidationFailure Of(string property, string message, string withoutValue) =>
        new(property, message) { CustomState = withoutValue };

    /// <summary>The failure's message without the value: its value-free form when it has one, else its message.</summary>
    public static string WithoutValues(ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.CustomState as string ?? failure.ErrorMessage;
    }
}
