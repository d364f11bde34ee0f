using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>GraphQL's Float, refusing in variables the numbers beyond double's range that GraphQL.NET refuses in documents.</summary>
internal sealed class FiniteFloatGraphType : FloatGraphType
{
    public FiniteFloatGraphType()
    {
        Name = "Float";
    }

    /// <inheritdoc />
    public override object? ParseValue(object? value)
    {
        // JSON reads 1e400 as infinity, which a filter would silently compare with; GraphQL.NET reports this as the variable's error.
        var parsed = base.ParseValue(value);
        return parsed is double number && !double.IsFinite(number) ? throw new FormatException($"{value} is not a finite number.") : parsed;
    }
}
