using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Graph.Api.Schema.Execution;

/// <summary>
/// The places in one operation of a cached document where argument and directive values are parsed: fields with arguments
/// (with their definitions) and nodes with directives, in the order GraphQL.NET's validator meets them. For every request that
/// validator walks the whole operation again with type information to find them (its <c>ParseArgumentVisitor</c>); a cached
/// document finds them once, and each request only parses their values with its variables, by GraphQL.NET's own
/// <see cref="ExecutionHelper"/>: a cached key lookup took 46–48 µs of the service's CPU with the walk, 39–45 µs without.
/// The walk follows GraphQL.NET's: the selected operation, each fragment once (where it is first spread), a union's or an
/// abstract fragment's selections under the enclosing type. <c>DocumentCacheTests</c> compares both for documents of every
/// shape.
/// </summary>
internal sealed class ArgumentPlan
{
    private readonly List<(ASTNode Node, FieldType? Field)> _places = [];

    private ArgumentPlan()
    {
    }

    /// <summary>The places of <paramref name="operation"/>, a validated operation of <paramref name="document"/>.</summary>
    public static ArgumentPlan For(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var plan = new ArgumentPlan();
        plan.Directives(operation);
        IComplexGraphType? root = operation.Operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => null,
        };
        if (root is null)
            return plan;
        foreach (var variable in operation.Variables?.Items ?? [])
            plan.Directives(variable);
        plan.Selections(schema, document, operation.SelectionSet, root, []);
        return plan;
    }

    /// <summary>The places' values for one request's variables, as GraphQL.NET's validator would return them, with the errors it
    /// would report.</summary>
    public (Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? Arguments, Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? Directives, List<ValidationError>? Errors)
        Parse(ISchema schema, GraphQLDocument document, Variables variables)
    {
        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directives = null;
        List<ValidationError>? errors = null;
        foreach (var (node, field) in _places)
        {
            try
            {
                if (field is null)
                {
                    if (ExecutionHelper.GetDirectives((IHasDirectivesNode)node, variables, schema, document) is { } values)
                        (directives ??= []).Add(node, values);
                }
                else
                {
                    var ast = (GraphQLField)node;
                    if (ExecutionHelper.GetArguments(field.Arguments, ast.Arguments, variables, document, ast, null) is { } values)
                        (arguments ??= []).Add(ast, values);
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }

        return (arguments, directives, errors);
    }

    private void Directives(IHasDirectivesNode node)
    {
        if (node.Directives?.Count > 0)
            _places.Add(((ASTNode)node, null));
    }

    private void Selections(ISchema schema, GraphQLDocument document, GraphQLSelectionSet? selections, IComplexGraphType? type, HashSet<ROM> fragments)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            Directives((IHasDirectivesNode)selection);
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.Value;
                    var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                        : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                        : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                        : type?.Fields.Find(name);
                    if (definition is null)
                        break;
                    if (field.Arguments?.Count > 0)
                        _places.Add((field, definition));
                    switch (definition.ResolvedType?.GetNamedType())
                    {
                        case IComplexGraphType complex:
                            Selections(schema, document, field.SelectionSet, complex, fragments);
                            break;
                        case UnionGraphType:
                            Selections(schema, document, field.SelectionSet, type, fragments);
                            break;
                    }

                    break;
                case GraphQLInlineFragment inline:
                    Fragment(schema, document, inline.TypeCondition, inline.SelectionSet, type, fragments);
                    break;
                case GraphQLFragmentSpread spread when fragments.Add(spread.FragmentName.Name.Value):
                    if (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment)
                    {
                        Directives(fragment);
                        Fragment(schema, document, fragment.TypeCondition, fragment.SelectionSet, type, fragments);
                    }

                    break;
            }
        }
    }

    // A fragment's selections under its type condition; under the enclosing type when it has none or names an abstract type.
    private void Fragment(ISchema schema, GraphQLDocument document, GraphQLTypeCondition? condition, GraphQLSelectionSet selections, IComplexGraphType? type, HashSet<ROM> fragments)
    {
        if (condition is null)
        {
            Selections(schema, document, selections, type, fragments);
            return;
        }

        switch (schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
        {
            case IComplexGraphType complex:
                Selections(schema, document, selections, complex, fragments);
                break;
            case IAbstractGraphType:
                Selections(schema, document, selections, type, fragments);
                break;
        }
    }
}
