using Graph.Domain;

namespace Graph.Export.Postgres;

/// <summary>A column that holds a node or relationship property.</summary>
internal sealed record PgColumn(string Name, FieldDef Field)
{
    /// <summary>The PostgreSQL type of the field's values.</summary>
    public string SqlType => Field.Type switch
    {
        FieldType.Int => "integer",
        FieldType.Long => "bigint",
        FieldType.Float => "double precision",
        FieldType.Bool => "boolean",
        FieldType.StringList => "text[]",
        _ => "text",
    };

    /// <summary>Creates the column of a field.</summary>
    public static PgColumn Of(FieldDef field) => new(PgNames.Snake(field.Name), field);
}
