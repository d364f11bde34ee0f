using System.Text;

namespace Graph.Store.Neo4j;

/// <summary>The constraints and indexes of schema/neo4j/schema.cypher, embedded in the assembly.</summary>
internal static class Neo4jSchema
{
    private const string ResourceName = "Graph.Store.Neo4j.schema.cypher";

    /// <summary>Every schema statement, in file order.</summary>
    public static IReadOnlyList<string> Statements { get; } = Split(Load());

    /// <summary>Splits a Cypher script into statements, dropping whole-line comments and blank lines.</summary>
    public static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in script.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
                continue;
            if (current.Length > 0)
                current.Append(' ');
            current.Append(line);
            if (line.EndsWith(';'))
            {
                statements.Add(current.ToString(0, current.Length - 1).Trim());
                current.Clear();
            }
        }

        if (current.Length > 0)
            statements.Add(current.ToString().Trim());
        return statements;
    }

    private static string Load()
    {
        using var stream = typeof(Neo4jSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
