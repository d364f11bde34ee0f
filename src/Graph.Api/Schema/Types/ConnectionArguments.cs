using Graph.Api.Schema.Execution;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>The arguments every connection field takes, and how they are read and checked.</summary>
internal static class ConnectionArguments
{
    public static QueryArguments For(NodeKind kind, FilterInputGraphTypes filters, OrderInputGraphTypes orders) => new(
        new QueryArgument(Scalars.Int) { Name = "first", Description = $"Return at most this many nodes from the start (default {PageRequest.DefaultSize})." },
        new QueryArgument(Scalars.String) { Name = "after", Description = "Start after the node with this cursor." },
        new QueryArgument(Scalars.Int) { Name = "last", Description = "Return at most this many nodes from the end." },
        new QueryArgument(Scalars.String) { Name = "before", Description = "End before the node with this cursor." },
        new QueryArgument(filters.For(kind)) { Name = "where", Description = $"Only {kind.Label} nodes that match." },
        new QueryArgument(new ListGraphType(new NonNullGraphType(orders.For(kind)))) { Name = "order", Description = "Sort keys, applied in order (default: the order nodes entered the catalogue)." });

    public static PageRequest Page(IResolveFieldContext context, CatalogRequest request)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        Check("first", first, request.Limits.MaxPageSize);
        Check("last", last, request.Limits.MaxPageSize);
        return new PageRequest(
            first, request.Cursors.Open(context.GetArgument<string?>("after"), "after"), last, request.Cursors.Open(context.GetArgument<string?>("before"), "before"));
    }

    public static IReadOnlyList<OrderSpec> Order(IResolveFieldContext context) =>
        context.Arguments?.TryGetValue("order", out var order) == true ? OrderInputGraphTypes.Parse(order.Value) : [];

    public static Filter? Where(IResolveFieldContext context, NodeKind kind, ServiceLimits limits) =>
        context.Arguments?.TryGetValue("where", out var where) == true ? FilterParser.Parse(kind, where.Value, limits.MaxFilterDepth) : null;

    private static void Check(string name, int? value, int max)
    {
        if (value < 0 || value > max)
            throw ErrorCodes.BadInput($"'{name}' must be between 0 and {max}; it was {value}.");
    }
}
