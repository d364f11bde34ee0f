namespace Graph.Catalog.Querying;

/// <summary>A condition on nodes of one kind; evaluated by <see cref="FilterEvaluator"/>.</summary>
public abstract record Filter;

/// <summary>A condition on one field (or the natural key).</summary>
/// <param name="Field">The field name, or the kind's key field.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">A string, long, double or bool; a list of them for In and NotIn; null to test for a missing value.</param>
public sealed record FieldFilter(string Field, FilterOperator Operator, object? Value) : Filter;

/// <summary>All conditions hold.</summary>
public sealed record AndFilter(IReadOnlyList<Filter> Items) : Filter;

/// <summary>At least one condition holds.</summary>
public sealed record OrFilter(IReadOnlyList<Filter> Items) : Filter;

/// <summary>The condition does not hold.</summary>
public sealed record NotFilter(Filter Inner) : Filter;

/// <summary>A condition on the nodes reached through a relationship field (direct or derived).</summary>
public sealed record RelationFilter(string Field, Quantifier Quantifier, Filter Inner) : Filter;

/// <summary>Field comparisons.</summary>
public enum FilterOperator
{
    /// <summary>Equal; with null, the value is missing.</summary>
    Eq,

    /// <summary>Not equal (missing values included); with null, the value is present.</summary>
    Neq,

    /// <summary>One of a list.</summary>
    In,

    /// <summary>None of a list (missing values included).</summary>
    NotIn,

    /// <summary>Greater than.</summary>
    Gt,

    /// <summary>Greater than or equal.</summary>
    Gte,

    /// <summary>Less than.</summary>
    Lt,

    /// <summary>Less than or equal.</summary>
    Lte,

    /// <summary>Contains the text, ignoring case and accents.</summary>
    Contains,

    /// <summary>Starts with the text, ignoring case and accents.</summary>
    StartsWith,
}

/// <summary>How many related nodes must match.</summary>
public enum Quantifier
{
    /// <summary>At least one.</summary>
    Some,

    /// <summary>Every one (true when there are none).</summary>
    All,

    /// <summary>Not one.</summary>
    None,
}
