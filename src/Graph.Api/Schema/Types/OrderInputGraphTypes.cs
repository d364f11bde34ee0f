using Graph.Api.Schema.Execution;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>Builds the <c>order:</c> input types (SeriesSortInput, ...) with the SortEnumType the IDE users know.</summary>
internal sealed class OrderInputGraphTypes
{
    private readonly Dictionary<string, InputObjectGraphType> _byKind = new(StringComparer.Ordinal);

    public OrderInputGraphTypes()
    {
        var direction = new EnumerationGraphType { Name = "SortEnumType", Description = "Sort direction; missing values sort last either way." };
        direction.Add("ASC", false, "Ascending.");
        direction.Add("DESC", true, "Descending.");
        foreach (var kind in GraphModel.NodeKinds)
        {
            var type = new InputObjectGraphType { Name = $"{kind.Label}SortInput", Description = $"One sort key for {kind.Label} nodes: set exactly one field." };
            foreach (var field in kind.SortableFields)
                type.AddField(new FieldType { Name = field, ResolvedType = direction });
            _byKind[kind.Label] = type;
        }
    }

    public InputObjectGraphType For(NodeKind kind) => _byKind[kind.Label];

    /// <summary>Reads an <c>order:</c> argument: a list of single-field objects, applied in order.</summary>
    public static IReadOnlyList<OrderSpec> Parse(object? value)
    {
        if (value is not IEnumerable<object?> list)
            return [];
        var specs = new List<OrderSpec>();
        foreach (var item in list)
        {
            if (item is not IDictionary<string, object?> map || map.Count != 1)
                throw ErrorCodes.BadInput("Each item of 'order' must set exactly one field, as in order: [{ year: DESC }, { modality: ASC }].");
            var (field, direction) = map.Single();
            specs.Add(new OrderSpec(field, direction is true));
        }

        if (specs.Count > 5)
            throw ErrorCodes.BadInput($"'order' has {specs.Count} keys; at most 5 are accepted.");
        return specs;
    }
}
