using Graph.Api.Schema.Features.Search;
using Graph.Domain;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>Builds the <c>where:</c> input types: one per node kind, with operation inputs per scalar type.</summary>
/// <remarks>Names follow the convention Banana Cake Pop users know (StringOperationFilterInput, SeriesFilterInput, ...).</remarks>
internal sealed class FilterInputGraphTypes
{
    private readonly Dictionary<string, InputObjectGraphType> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<ValueKind, InputObjectGraphType> _operations = [];

    public FilterInputGraphTypes()
    {
        _operations[ValueKind.String] = Operations("StringOperationFilterInput", Scalars.String, text: true, order: true);
        _operations[ValueKind.StringList] = Operations("ListStringOperationFilterInput", Scalars.String, text: true, order: false,
            "Conditions on a list of texts: eq, in and contains hold when some item matches; neq and nin when no item does.");
        _operations[ValueKind.Int] = Operations("IntOperationFilterInput", Scalars.Int, text: false, order: true);
        _operations[ValueKind.Long] = Operations("LongOperationFilterInput", Scalars.Long, text: false, order: true);
        _operations[ValueKind.Float] = Operations("FloatOperationFilterInput", Scalars.Float, text: false, order: true);
        _operations[ValueKind.Bool] = Operations("BooleanOperationFilterInput", Scalars.Boolean, text: false, order: false);
        _coded = ConceptMatchInputGraphType.CodedOperations(Operations("CodedStringOperationFilterInput", Scalars.String, text: true, order: true,
            "Conditions on a coded value: the string conditions, and concept, which matches the codes of a concept from any linked system."));
        foreach (var kind in GraphModel.NodeKinds)
            _byKind[kind.Label] = new InputObjectGraphType { Name = $"{kind.Label}FilterInput", Description = $"Conditions on {kind.Label} nodes; all given conditions must hold." };
        foreach (var kind in GraphModel.NodeKinds)
            Populate(kind);
    }

    private readonly InputObjectGraphType _coded;

    public IEnumerable<IGraphType> All => _byKind.Values.Concat<IGraphType>(_operations.Values).Append(_coded);

    public InputObjectGraphType For(NodeKind kind) => _byKind[kind.Label];

    private void Populate(NodeKind kind)
    {
        var type = _byKind[kind.Label];
        var self = type;
        AddField(type, "and", new ListGraphType(new NonNullGraphType(self)), "Every condition of the list holds.");
        AddField(type, "or", new ListGraphType(new NonNullGraphType(self)), "At least one condition of the list holds.");
        AddField(type, "not", self, "The condition does not hold.");
        AddField(type, kind.KeyField, kind == GraphModel.Concept ? _coded : _operations[ValueKind.String], kind.KeyDescription);
        foreach (var field in kind.Fields.Where(f => !f.Internal))
            AddField(type, field.Name, field.CodeSystem is null ? _operations[field.Type] : _coded, field.Description);
        foreach (var relation in RelationField.Of(kind))
        {
            var target = _byKind[relation.Target.Label];
            if (relation.Single)
            {
                AddField(type, relation.Name, target, $"The related {relation.Target.Label} exists and matches. {relation.Description}");
                continue;
            }

            AddField(type, relation.Name, ListFilter(relation.Target, target), relation.Description);
        }
    }

    private readonly Dictionary<string, InputObjectGraphType> _listFilters = new(StringComparer.Ordinal);

    private InputObjectGraphType ListFilter(NodeKind target, InputObjectGraphType inner)
    {
        if (_listFilters.TryGetValue(target.Label, out var existing))
            return existing;
        var type = new InputObjectGraphType
        {
            Name = $"ListFilterInputTypeOf{target.Label}FilterInput",
            Description = $"Conditions on related {target.Label} nodes.",
        };
        AddField(type, "some", inner, "At least one related node matches.");
        AddField(type, "all", inner, "Every related node matches (true when there is none).");
        AddField(type, "none", inner, "No related node matches.");
        _listFilters[target.Label] = type;
        return type;
    }

    public IEnumerable<IGraphType> ListFilters => _listFilters.Values;

    private static InputObjectGraphType Operations(string name, ScalarGraphType scalar, bool text, bool order, string? description = null)
    {
        var type = new InputObjectGraphType { Name = name, Description = description ?? "Conditions on a value; all given conditions must hold. eq: null matches a missing value." };
        AddField(type, "eq", scalar, "Equal to (null: the value is missing).");
        AddField(type, "neq", scalar, "Not equal to, missing values included (null: the value is present).");
        AddField(type, "in", new ListGraphType(scalar), "One of the values (at most 1000).");
        AddField(type, "nin", new ListGraphType(scalar), "None of the values, missing values included (at most 1000).");
        if (order)
        {
            AddField(type, "gt", scalar, "Greater than.");
            AddField(type, "gte", scalar, "Greater than or equal to.");
            AddField(type, "lt", scalar, "Less than.");
            AddField(type, "lte", scalar, "Less than or equal to.");
        }

        if (text)
        {
            AddField(type, "contains", scalar, "Contains the text, ignoring case and accents.");
            AddField(type, "startsWith", scalar, "Starts with the text, ignoring case and accents.");
        }

        return type;
    }

    private static void AddField(InputObjectGraphType type, string name, IGraphType graphType, string description) =>
        type.AddField(new FieldType { Name = name, ResolvedType = graphType, Description = description });
}
