using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>Adds non-null fields that read a value of the source object, for payload and record types.</summary>
internal static class ValueFields
{
    /// <summary>Adds a non-null field of a type whose value a function reads from the source.</summary>
    public static void AddValue<TSource>(this ObjectGraphType<TSource> type, string name, IGraphType graphType, string description, Func<TSource, object?> value) =>
        type.AddField(new FieldType
        {
            Name = name,
            ResolvedType = new NonNullGraphType(graphType),
            Description = description,
            Resolver = new FuncFieldResolver<TSource, object?>(c => value(c.Source)),
        });
}
