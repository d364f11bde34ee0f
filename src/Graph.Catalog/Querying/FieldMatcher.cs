using System.Runtime.Intrinsics;
using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Evaluates a condition on one field by scanning its column, comparing codes rather than texts.</summary>
internal static class FieldMatcher
{
    /// <summary>The largest list accepted by In and NotIn.</summary>
    public const int MaxListSize = 1000;

    /// <summary>The live nodes that satisfy a condition, decided for the nodes of <paramref name="scope"/> only (all when null).</summary>
    public static Bitset Evaluate(NodeTable table, FieldFilter filter, Bitset? scope = null)
    {
        if (filter.Value is IReadOnlyList<object?> { Count: > MaxListSize } tooLong)
            throw new CatalogQueryException($"The list for '{filter.Field}' has {tooLong.Count} values; at most {MaxListSize} are accepted.");
        if (filter.Field == table.Kind.KeyField)
            return Scan(table, scope, ordinal => Matches(filter, table.Key(ordinal), TextPredicate(filter)));
        var column = table.Column(filter.Field)
            ?? throw new CatalogQueryException(
                $"{table.Kind.Label} has no field '{filter.Field}'; known are {string.Join(", ", table.Kind.Fields.Select(f => f.Name).Prepend(table.Kind.KeyField))}.");
        return column switch
        {
            StringColumn text => ScanCodes(table, text, MatchingCodes(filter, text.Values), MatchesMissing(filter), scope),
            StringListColumn list => EvaluateList(table, filter, list, scope),
            NumberColumn number => EvaluateNumber(table, filter, number, scope),
            BoolColumn flag => EvaluateBool(table, filter, flag, scope),
            _ => throw new CatalogQueryException($"Field '{filter.Field}' cannot be filtered."),
        };
    }

    /// <summary>The live nodes whose value's dictionary code is marked in <paramref name="matching"/> (or that have no value, when <paramref name="matchMissing"/>).</summary>
    internal static Bitset ScanCodes(NodeTable table, StringColumn column, bool[] matching, bool matchMissing, Bitset? scope = null)
    {
        if (scope is not null)
            return Scan(table, scope, ordinal => column.Code(ordinal) is var code && (code >= 0 ? matching[code] : matchMissing));
        return ScanColumn(table, column.Codes, new CodeTest(matching, matchMissing), matchMissing);
    }

    private static Bitset EvaluateList(NodeTable table, FieldFilter filter, StringListColumn column, Bitset? scope)
    {
        var negative = filter.Operator is FilterOperator.Neq or FilterOperator.NotIn && filter.Value is not null;
        var positive = negative ? filter with { Operator = filter.Operator == FilterOperator.Neq ? FilterOperator.Eq : FilterOperator.In } : filter;
        var matching = MatchingCodes(positive, column.Values);
        var matchMissing = MatchesMissing(positive);
        return Scan(table, scope, ordinal =>
        {
            var codes = column.CodesOf(ordinal);
            var any = codes is null ? matchMissing : Array.Exists(codes, c => matching[c]);
            return negative ? !any : any;
        });
    }

    private static bool[] MatchingCodes(FieldFilter filter, ValueDictionary values)
    {
        var count = values.Count;
        var matching = new bool[count];
        if (filter.Value is null && filter.Operator is FilterOperator.Eq or FilterOperator.Neq)
        {
            Array.Fill(matching, filter.Operator == FilterOperator.Neq);
            return matching;
        }

        var predicate = TextPredicate(filter);
        for (var code = 0; code < count; code++)
            matching[code] = Matches(filter, values[code], predicate);
        return matching;
    }

    private static Func<string, bool>? TextPredicate(FieldFilter filter)
    {
        if (filter.Operator is not (FilterOperator.Contains or FilterOperator.StartsWith))
            return null;
        if (filter.Value is not string text)
            throw new CatalogQueryException($"'{filter.Operator}' on '{filter.Field}' needs a text, not {FilterEvaluator.Show(filter.Value)}.");
        var folded = TextFold.Fold(text);
        return filter.Operator == FilterOperator.Contains
            ? value => TextFold.Fold(value).Contains(folded, StringComparison.Ordinal)
            : value => TextFold.Fold(value).StartsWith(folded, StringComparison.Ordinal);
    }

    private static bool Matches(FieldFilter filter, string value, Func<string, bool>? text) => filter.Operator switch
    {
        FilterOperator.Eq => filter.Value is not null && value == Text(filter, filter.Value),
        FilterOperator.Neq => filter.Value is null || value != Text(filter, filter.Value),
        FilterOperator.In => List(filter).Any(v => v is not null && value == Text(filter, v)),
        FilterOperator.NotIn => !List(filter).Any(v => v is not null && value == Text(filter, v)),
        FilterOperator.Contains or FilterOperator.StartsWith => text!(value),
        FilterOperator.Gt => string.CompareOrdinal(value, Text(filter, filter.Value)) > 0,
        FilterOperator.Gte => string.CompareOrdinal(value, Text(filter, filter.Value)) >= 0,
        FilterOperator.Lt => string.CompareOrdinal(value, Text(filter, filter.Value)) < 0,
        FilterOperator.Lte => string.CompareOrdinal(value, Text(filter, filter.Value)) <= 0,
        _ => false,
    };

    private static bool MatchesMissing(FieldFilter filter) => filter.Operator switch
    {
        FilterOperator.Eq => filter.Value is null,
        FilterOperator.Neq => filter.Value is not null,
        FilterOperator.In => List(filter).Any(v => v is null),
        FilterOperator.NotIn => !List(filter).Any(v => v is null),
        _ => false,
    };

    private static Bitset EvaluateNumber(NodeTable table, FieldFilter filter, NumberColumn column, Bitset? scope)
    {
        if (filter.Operator is FilterOperator.Contains or FilterOperator.StartsWith)
            throw new CatalogQueryException($"'{filter.Operator}' does not apply to the number field '{filter.Field}'.");
        var matchMissing = MatchesMissing(filter);
        if (filter.Operator is FilterOperator.In or FilterOperator.NotIn)
        {
            var set = List(filter).Where(v => v is not null).Select(v => Number(filter, v)).ToHashSet();
            var inList = filter.Operator == FilterOperator.In;
            return Scan(table, scope, ordinal => column.Value(ordinal) is var v && double.IsNaN(v) ? matchMissing : set.Contains(v) == inList);
        }

        if (filter.Value is null)
            return Scan(table, scope, ordinal => double.IsNaN(column.Value(ordinal)) ? matchMissing : !matchMissing && filter.Operator == FilterOperator.Neq);
        var bound = Number(filter, filter.Value);
        if (scope is null && filter.Operator != FilterOperator.Neq)
        {
            // A range (a bound, or one value): the next double above or below turns a strict bound into an inclusive one.
            var (low, high) = filter.Operator switch
            {
                FilterOperator.Eq => (bound, bound),
                FilterOperator.Gt => (Math.BitIncrement(bound), double.PositiveInfinity),
                FilterOperator.Gte => (bound, double.PositiveInfinity),
                FilterOperator.Lt => (double.NegativeInfinity, Math.BitDecrement(bound)),
                _ => (double.NegativeInfinity, bound),
            };
            return ScanColumn(table, column.Values, new RangeTest(low, high, matchMissing), matchMissing);
        }

        Func<double, bool> test = filter.Operator switch
        {
            FilterOperator.Eq => v => v == bound,
            FilterOperator.Neq => v => v != bound,
            FilterOperator.Gt => v => v > bound,
            FilterOperator.Gte => v => v >= bound,
            FilterOperator.Lt => v => v < bound,
            _ => v => v <= bound,
        };
        return Scan(table, scope, ordinal => column.Value(ordinal) is var v && double.IsNaN(v) ? matchMissing : test(v));
    }

    // The live nodes whose column value passes a test (nodes past the column's end have none: they match when matchMissing),
    // built a word of 64 nodes at a time from the column's chunks: this scan runs over every node for each clause of every
    // query. The test is a struct, so the loop is compiled for each kind of test.
    private static Bitset ScanColumn<T, TTest>(NodeTable table, ChunkedArray<T> values, TTest test, bool matchMissing)
        where TTest : struct, IValueTest<T>
    {
        var set = new Bitset(table.Count);
        var words = set.Words;
        var count = Math.Min(table.Count, values.Length);
        for (var start = 0; start < count; start += ChunkedArray<T>.ChunkSize)
        {
            var chunk = values.Chunks[start >> ChunkedArray<T>.Shift];
            var end = Math.Min(ChunkedArray<T>.ChunkSize, count - start);
            for (var i = 0; i < end; i += 64)
                words[(start + i) >> 6] = test.Word(chunk, i, Math.Min(64, end - i));
        }

        if (matchMissing)
        {
            for (var ordinal = count; ordinal < table.Count; ordinal++)
                set.Add(ordinal);
        }

        return set.And(table.SharedLiveSet());
    }

    private interface IValueTest<T>
    {
        /// <summary>The word of <paramref name="count"/> (at most 64) values from <paramref name="start"/>: bit i set when value i matches.</summary>
        ulong Word(T[] chunk, int start, int count);
    }

    // A dictionary code (negative: no value) among the matching ones.
    private readonly struct CodeTest(bool[] matching, bool matchMissing) : IValueTest<int>
    {
        public ulong Word(int[] chunk, int start, int count)
        {
            var word = 0UL;
            for (var bit = 0; bit < count; bit++)
            {
                if (Matches(chunk[start + bit]))
                    word |= 1UL << bit;
            }

            return word;
        }

        private bool Matches(int code) => code >= 0 ? matching[code] : matchMissing;
    }

    // A number in [low, high] (NaN: no value), four numbers to a vector comparison: a branch per number mispredicts about every
    // other time when numbers in and out of the range alternate at random (ages, slice thicknesses).
    private readonly struct RangeTest(double low, double high, bool matchMissing) : IValueTest<double>
    {
        public ulong Word(double[] chunk, int start, int count)
        {
            var word = 0UL;
            var bit = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var lows = Vector256.Create(low);
                var highs = Vector256.Create(high);
                for (; bit + Vector256<double>.Count <= count; bit += Vector256<double>.Count)
                {
                    var value = Vector256.Create(chunk, start + bit);
                    var inRange = Vector256.GreaterThanOrEqual(value, lows) & Vector256.LessThanOrEqual(value, highs);
                    if (matchMissing)
                        inRange |= ~Vector256.Equals(value, value); // NaN, no value, is the one number unequal to itself
                    word |= (ulong)inRange.ExtractMostSignificantBits() << bit;
                }
            }

            for (; bit < count; bit++)
            {
                if (Matches(chunk[start + bit]))
                    word |= 1UL << bit;
            }

            return word;
        }

        private bool Matches(double value) => double.IsNaN(value) ? matchMissing : value >= low && value <= high;
    }

    private static Bitset EvaluateBool(NodeTable table, FieldFilter filter, BoolColumn column, Bitset? scope)
    {
        if (filter.Operator is not (FilterOperator.Eq or FilterOperator.Neq or FilterOperator.In or FilterOperator.NotIn))
            throw new CatalogQueryException($"'{filter.Operator}' does not apply to the true/false field '{filter.Field}'.");
        var matchMissing = MatchesMissing(filter);
        var values = filter.Operator is FilterOperator.In or FilterOperator.NotIn ? List(filter) : [filter.Value];
        var wanted = values.Where(v => v is not null).Select(v => v is bool b ? b : throw WrongType(filter, v, "true or false")).ToHashSet();
        var positive = filter.Operator is FilterOperator.Eq or FilterOperator.In;
        return Scan(table, scope, ordinal => column.Value(ordinal) is var v && v < 0 ? matchMissing : wanted.Contains(v == 1) == positive);
    }

    private static Bitset Scan(NodeTable table, Bitset? scope, Func<int, bool> test)
    {
        var set = new Bitset(table.Count);
        if (scope is not null)
        {
            foreach (var ordinal in scope)
            {
                if (table.IsLive(ordinal) && test(ordinal))
                    set.Add(ordinal);
            }

            return set;
        }

        for (var i = 0; i < table.Count; i++)
        {
            if (table.Live[i] && test(i))
                set.Add(i);
        }

        return set;
    }

    private static IReadOnlyList<object?> List(FieldFilter filter) =>
        filter.Value as IReadOnlyList<object?> ?? throw new CatalogQueryException($"'{filter.Operator}' on '{filter.Field}' needs a list of values.");

    private static string Text(FieldFilter filter, object? value) =>
        value as string ?? throw WrongType(filter, value, "a text");

    private static double Number(FieldFilter filter, object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        _ => throw WrongType(filter, value, "a number"),
    };

    private static CatalogQueryException WrongType(FieldFilter filter, object? value, string expected) =>
        new($"'{filter.Field}' is compared with {FilterEvaluator.Show(value)}, which is not {expected}.");
}
