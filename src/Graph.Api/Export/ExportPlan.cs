using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace Graph.Api.Export;

/// <summary>
/// How one connection of a GraphQL document becomes a table: the connection found by its response path, its rows' scalar
/// fields (and those of single objects under them) as typed columns, and its page arguments set page after page.
/// </summary>
/// <remarks>The plan owns its parsed document: it cuts it down to the path to the connection and rewrites the connection's
/// <c>first</c> and <c>after</c> in place, so one plan serves one export.</remarks>
internal sealed class ExportPlan
{
    private const string PageInfoAlias = "exportPageInfo";

    // The parser's nesting limit; the rows' fields, fragments expanded, nest no deeper.
    private const int MaxDepth = 128;
    private readonly GraphQLField _connection;
    private readonly string[] _path;
    private readonly bool _edges;
    private readonly ColumnTree _tree;

    private ExportPlan(GraphQLDocument document, GraphQLField[] steps, string[] path, bool edges, IReadOnlyList<ExportColumn> columns, ColumnTree tree)
    {
        Document = document;
        Fields = [.. steps.Select(s => s.Name.StringValue)];
        _connection = steps[^1];
        _path = path;
        _edges = edges;
        Columns = columns;
        _tree = tree;
    }

    /// <summary>The rewritten document to execute.</summary>
    public GraphQLDocument Document { get; }

    /// <summary>The schema field names down to the connection (not the response names, which the caller chooses): what is audited.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The columns, in the order the document selects them.</summary>
    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>Parses a query document and selects the operation to export.</summary>
    /// <exception cref="ExportException">The document does not parse, or names no single query operation.</exception>
    public static (GraphQLDocument Document, GraphQLOperationDefinition Operation) Parse(string query, string? operationName)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { MaxDepth = MaxDepth });
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException e)
        {
            throw new ExportException($"The document does not parse: {e.Message}");
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : throw new ExportException("The document holds several operations; name one with 'operationName'.")
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName) ?? throw new ExportException($"The document has no operation '{operationName}'.");
        if (operation.Operation != OperationType.Query)
            throw new ExportException("Only queries can be exported.");
        return (document, operation);
    }

    /// <summary>Plans the export of the connection at <paramref name="path"/> (response names joined by dots) of a parsed operation.</summary>
    /// <remarks>Validate the document first, as GraphQL requests are: the plan expands the rows' fragments (it refuses a cycle
    /// or nesting past the parser's limit itself, but leaves every other limit to validation).</remarks>
    /// <exception cref="ExportException">The document has no such connection, or selects something a table cannot hold.</exception>
    public static ExportPlan Create(GraphQLDocument document, GraphQLOperationDefinition operation, string path, ISchema schema)
    {
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
            throw new ExportException("'path' names the connection to export, e.g. 'series' or 'datasetByKey.patients'.");

        IComplexGraphType type = schema.Query;
        var selection = operation.SelectionSet;
        GraphQLField? field = null;
        var steps = new GraphQLField[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            field = steps[i] = selection.Selections.OfType<GraphQLField>().FirstOrDefault(f => ResponseName(f) == segments[i])
                ?? throw new ExportException($"'path': '{string.Join('.', segments[..(i + 1)])}' is not a field the document selects.");
            var definition = type.GetField(field.Name.StringValue)
                ?? throw new ExportException($"'path': {type.Name} has no field '{field.Name.StringValue}'.");
            var fieldType = Unwrap(definition.ResolvedType!);
            if (fieldType is ListGraphType || fieldType is not IComplexGraphType complex || field.SelectionSet is null)
                throw new ExportException($"'path': '{string.Join('.', segments[..(i + 1)])}' is not a single object or a connection.");
            type = complex;
            selection = field.SelectionSet;
        }

        if (!type.Name.EndsWith("Connection", StringComparison.Ordinal) || type.GetField("pageInfo") is null)
            throw new ExportException($"'path': '{path}' is a {type.Name}, not a connection.");
        var connection = field!;
        if (Argument(connection, "last") is not null || Argument(connection, "before") is not null)
            throw new ExportException("The exported connection is read from its start: leave out 'last' and 'before'.");

        // The rows: nodes { ... } or edges { node { ... } }; anything else the connection selects is left out of the export.
        var nodes = selection.Selections.OfType<GraphQLField>().FirstOrDefault(f => f.Name.StringValue == "nodes" && f.SelectionSet is not null);
        var edges = nodes is null ? selection.Selections.OfType<GraphQLField>().FirstOrDefault(f => f.Name.StringValue == "edges" && f.SelectionSet is not null) : null;
        var node = edges?.SelectionSet!.Selections.OfType<GraphQLField>().FirstOrDefault(f => f.Name.StringValue == "node" && f.SelectionSet is not null);
        var rows = nodes ?? node ?? throw new ExportException($"The connection '{path}' selects no 'nodes {{ ... }}' (or 'edges {{ node {{ ... }} }}'): they are the rows.");
        var rowType = (IComplexGraphType)Unwrap(((ListGraphType)Unwrap(type.GetField("nodes")!.ResolvedType!)).ResolvedType!);

        var columns = new List<ExportColumn>();
        var tree = new ColumnTree(-1);
        new ColumnCollector(document, columns).Collect(rowType, rows.SelectionSet!, "", tree, 0);
        if (columns.Count == 0)
            throw new ExportException("The rows select no scalar field: nothing to put in a column.");

        // Each page runs the path down to the connection and its rows, nothing else: any other field would run again on every
        // page, its answer thrown away.
        var parent = operation.SelectionSet;
        foreach (var step in steps)
        {
            parent.Selections = [step];
            parent = step.SelectionSet!;
        }

        selection.Selections = [nodes ?? edges!, PageInfoSelection()];
        if (edges is not null)
            edges.SelectionSet!.Selections = [node!];
        ExportPageDocument.Trim(document, operation, schema);
        return new ExportPlan(document, steps, segments, nodes is null, columns, tree);
    }

    /// <summary>Sets the page the next execution reads.</summary>
    public void SetPage(int first, string? after)
    {
        var arguments = _connection.Arguments?.Items.Where(a => a.Name.StringValue is not ("first" or "after")).ToList() ?? [];
        arguments.Add(new GraphQLArgument(new GraphQLName("first"), new GraphQLIntValue(first)));
        if (after is not null)
            arguments.Add(new GraphQLArgument(new GraphQLName("after"), new GraphQLStringValue(after)));
        _connection.Arguments = new GraphQLArguments(arguments);
    }

    /// <summary>Reads one executed page: each row's values into <paramref name="row"/> for <paramref name="write"/>, then where the next page starts.</summary>
    /// <returns>The cursor after the page, or null when it was the last page.</returns>
    public string? ReadPage(ExecutionResult result, object?[] row, Action<object?[]> write)
    {
        ExecutionNode? current = result.Data as ExecutionNode;
        foreach (var segment in _path)
            current = Child(current as ObjectExecutionNode, segment);
        if (current is not ObjectExecutionNode connection || connection.SubFields is null)
            return null;
        var list = Child(connection, _edges ? "edges" : "nodes") as ArrayExecutionNode;
        foreach (var item in list?.Items ?? [])
        {
            var node = _edges ? Child(item as ObjectExecutionNode, "node") : item;
            Array.Clear(row);
            if (node is ObjectExecutionNode value)
                Fill(value, _tree, row);
            write(row);
        }

        var pageInfo = Child(connection, PageInfoAlias) as ObjectExecutionNode;
        var hasNext = Child(pageInfo, "hasNextPage")?.ToValue() is true;
        return hasNext ? Child(pageInfo, "endCursor")?.ToValue() as string : null;
    }

    private static void Fill(ObjectExecutionNode node, ColumnTree tree, object?[] row)
    {
        if (node.SubFields is null)
            return;
        foreach (var sub in node.SubFields)
        {
            if (sub.Name is not { } name || !tree.Children.TryGetValue(name, out var child))
                continue;
            if (child.Index >= 0)
                row[child.Index] = sub.ToValue();
            else if (sub is ObjectExecutionNode nested)
                Fill(nested, child, row);
        }
    }

    private static ExecutionNode? Child(ObjectExecutionNode? node, string name)
    {
        if (node?.SubFields is null)
            return null;
        foreach (var sub in node.SubFields)
        {
            if (sub.Name == name)
                return sub;
        }

        return null;
    }

    private static ExportColumnType TypeOf(IGraphType type) => type switch
    {
        IntGraphType => ExportColumnType.Int,
        LongGraphType => ExportColumnType.Long,
        FloatGraphType => ExportColumnType.Float,
        BooleanGraphType => ExportColumnType.Boolean,
        _ => ExportColumnType.String,
    };

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type;

    private static string ResponseName(GraphQLField field) => field.Alias?.Name.StringValue ?? field.Name.StringValue;

    private static GraphQLArgument? Argument(GraphQLField field, string name) => field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name);

    private static GraphQLField PageInfoSelection() => new(new GraphQLName("pageInfo"))
    {
        Alias = new GraphQLAlias(new GraphQLName(PageInfoAlias)),
        SelectionSet = new GraphQLSelectionSet([new GraphQLField(new GraphQLName("hasNextPage")), new GraphQLField(new GraphQLName("endCursor"))]),
    };

    // The columns of the rows' selection, fragments expanded. A fragment that spreads itself, directly or through others, is
    // refused (it would recurse without end), as is nesting past the parser's limit. A fragment is expanded once in each place:
    // spread again there it adds no column, and fragments that each spread the next twice would otherwise cost 2^n.
    private sealed class ColumnCollector(GraphQLDocument document, List<ExportColumn> columns)
    {
        private readonly List<string> _expanding = [];
        private readonly HashSet<(ColumnTree Place, string Fragment)> _expanded = [];

        public void Collect(IComplexGraphType type, GraphQLSelectionSet selection, string prefix, ColumnTree tree, int depth)
        {
            if (depth > MaxDepth)
                throw new ExportException($"The rows' selections nest deeper than {MaxDepth} levels once their fragments are expanded.");
            foreach (var item in selection.Selections)
            {
                switch (item)
                {
                    case GraphQLInlineFragment inline:
                        Collect(type, inline.SelectionSet, prefix, tree, depth + 1);
                        break;
                    case GraphQLFragmentSpread spread:
                        Spread(type, spread.FragmentName.Name.StringValue, prefix, tree, depth);
                        break;
                    case GraphQLField field:
                        CollectField(type, field, prefix, tree, depth);
                        break;
                }
            }
        }

        private void Spread(IComplexGraphType type, string name, string prefix, ColumnTree tree, int depth)
        {
            if (_expanding.IndexOf(name) is var start and >= 0)
                throw new ExportException($"Fragment '{name}' spreads itself ({string.Join(" -> ", _expanding[start..])} -> {name}): fragments cannot form a cycle.");
            if (!_expanded.Add((tree, name)))
                return;
            var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name)
                ?? throw new ExportException($"The document has no fragment '{name}'.");
            _expanding.Add(name);
            Collect(type, fragment.SelectionSet, prefix, tree, depth + 1);
            _expanding.RemoveAt(_expanding.Count - 1);
        }

        private void CollectField(IComplexGraphType type, GraphQLField field, string prefix, ColumnTree tree, int depth)
        {
            var name = ResponseName(field);
            if (field.Name.StringValue == "__typename")
            {
                Add(name, ExportColumnType.String, false);
                return;
            }

            // An unknown field is left to validation, which names it.
            if (type.GetField(field.Name.StringValue) is not { } definition)
                return;
            var fieldType = Unwrap(definition.ResolvedType!);
            var isList = fieldType is ListGraphType;
            var item = isList ? Unwrap(((ListGraphType)fieldType).ResolvedType!) : fieldType;
            if (item is IComplexGraphType complex)
            {
                if (isList || field.SelectionSet is null)
                    throw new ExportException($"'{prefix}{name}' is a list of objects: a table holds one row per node of the exported connection; export that list with its own path.");
                if (!tree.Children.TryGetValue(name, out var child))
                    tree.Children[name] = child = new ColumnTree(-1);
                Collect(complex, field.SelectionSet, prefix + name + ".", child, depth + 1);
                return;
            }

            Add(name, isList ? ExportColumnType.String : TypeOf(item), isList);

            void Add(string column, ExportColumnType columnType, bool list)
            {
                if (tree.Children.ContainsKey(column))
                    return;
                tree.Children[column] = new ColumnTree(columns.Count);
                columns.Add(new ExportColumn(prefix + column, columnType, list));
            }
        }
    }

    private sealed class ColumnTree(int index)
    {
        public int Index { get; } = index;

        public Dictionary<string, ColumnTree> Children { get; } = new(StringComparer.Ordinal);
    }
}
