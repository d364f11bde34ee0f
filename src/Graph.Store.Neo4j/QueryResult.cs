namespace Graph.Store.Neo4j;

/// <summary>The rows a statement returned, values decoded from typed JSON, with the transaction the response named.</summary>
internal sealed class QueryResult(IReadOnlyList<string> fields, IReadOnlyList<object?[]> rows, string? transactionId)
{
    /// <summary>An empty result.</summary>
    public static QueryResult Empty { get; } = new([], [], null);

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The rows, one value per field.</summary>
    public IReadOnlyList<object?[]> Rows { get; } = rows;

    /// <summary>The transaction id, for a response that opened one.</summary>
    public string? TransactionId { get; } = transactionId;

    /// <summary>The index of a column, or an exception naming the statement's columns.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == name)
                return i;
        }

        throw new GraphStoreException($"Neo4j returned no column '{name}' (columns: {string.Join(", ", Fields)}).");
    }

    /// <summary>Reads a whole-number column of the first row (0 when there is no row or the value is null).</summary>
    public long Long(string name) => Rows.Count == 0 ? 0 : AsLong(Rows[0][Column(name)]);

    /// <summary>Converts a decoded value to a long (0 for null).</summary>
    public static long AsLong(object? value) => value switch
    {
        null => 0,
        long l => l,
        double d => (long)d,
        string s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new GraphStoreException($"Neo4j returned {value.GetType().Name} where a number was expected."),
    };
}
