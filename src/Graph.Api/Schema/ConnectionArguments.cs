using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL;
using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>The arguments every connection field takes, and how they are read and checked.</summary>
internal static class ConnectionArguments
{
    public static QueryArguments For(NodeKind kind, FilterInputGraphTypes filters) => new(
        new QueryArgument(Scalars.Int) { Name = "first", Description = $"Return at most this many nodes from the start (default {PageRequest.DefaultSize})." },
        new QueryArgument(Scalars.String) { Name = "after", Description = "Start after the node with this cursor." },
        new QueryArgument(Scalars.Int) { Name = "last", Description = "Return at most this many nodes from the end." },
        new QueryArgument(Scalars.String) { Name = "before", Description = "End before the node with this cursor." },
        new QueryArgument(filters.For(kind)) { Name = "where", Description = $"Only {kind.Label} nodes that match." });

    public static PageRequest Page(IResolveFieldContext context, ServiceLimits limits)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        Check("first", first, limits.MaxPageSize);
        Check("last", last, limits.MaxPageSize);
        return new PageRequest(first, context.GetArgument<string?>("after"), last, context.GetArgument<string?>("before"));
    }

    public static Filter? Where(IResolveFieldContext context, NodeKind kind, ServiceLimits limits) =>
        context.Arguments?.TryGetValue("where", out var where) == true ? FilterParser.Parse(kind, where.Value, limits.MaxFilterDepth) : null;

    private static void Check(string name, int? value, int max)
    {
        if (value < 0 || value > max)
            throw ErrorCodes.BadInput($"'{name}' must be between 0 and {max}; it was {value}.");
    }
}
