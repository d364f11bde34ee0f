using System.Text;

namespace Graph.Export.Postgres;

/// <summary>PostgreSQL names for the graph's labels, fields and relationship types (snake_case, quoted in SQL).</summary>
internal static class PgNames
{
    /// <summary>Converts camelCase or PascalCase (and UPPER_CASE relationship types) to snake_case.</summary>
    public static string Snake(string name)
    {
        if (name.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            return name.ToLowerInvariant();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_')
                text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>Quotes an identifier for SQL.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Quotes a text literal for SQL.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
