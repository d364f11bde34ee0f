using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>One instance of each scalar type, shared by every field of the schema.</summary>
internal static class Scalars
{
    public static readonly StringGraphType String = new();
    public static readonly IntGraphType Int = new();
    public static readonly LongGraphType Long = new();
    public static readonly FiniteFloatGraphType Float = new();
    public static readonly BooleanGraphType Boolean = new();
    public static readonly IdGraphType Id = new();
}
