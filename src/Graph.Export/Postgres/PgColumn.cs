using Graph.Domain;

namespace Graph.Export.Postgres;

/// <summary>A column that holds a node or relationship property.</summary>
internal sealed record PgColumn(string Name, FieldDef Field)
{
    /// <summary>The PostgreSQL type of the field's values.</summary>
    public string SqlType => Field.Type switch
    {
        ValueKind.Int => "integer",
        ValueKind.Long => "bigint",
        ValueKind.Float => "double precision",
        ValueKind.Bool => "boolean",
        ValueKind.StringList => "text[]",
        _ => "text",
    };

    /// <summary>Creates the column of a field.</summary>
    public static PgColumn Of(FieldDef field) => new(PgNames.Snake(field.Name), field);
}
