using System.Text;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Export.Postgres;

/// <summary>The SQL of an export: tables, then (after the rows are loaded) keys, foreign keys and indexes, and the psql script that runs both.</summary>
internal static class PgScripts
{
    public const string SchemaFile = "schema.sql";
    public const string ConstraintsFile = "constraints.sql";
    public const string LoadFile = "load.sql";

    public static string CsvFile(string table) => table + ".csv";

    /// <summary>Drops and creates the tables, without the constraints and indexes that would slow the load.</summary>
    public static string Schema(PgLayout layout)
    {
        var sql = new StringBuilder("-- Cancer Imaging Graph catalogue as PostgreSQL tables, written by `graph export postgres`.\n");
        sql.Append("CREATE EXTENSION IF NOT EXISTS pg_trgm;\n");
        foreach (var name in layout.TableNames.Reverse())
            sql.Append($"DROP TABLE IF EXISTS {PgNames.Quote(name)} CASCADE;\n");
        foreach (var table in layout.NodeTables)
        {
            var columns = new List<string> { "id integer NOT NULL", $"{PgNames.Quote(table.KeyColumn)} text NOT NULL" };
            columns.AddRange(table.Fields.Select(f => $"{PgNames.Quote(f.Name)} {f.SqlType}{(f.Field.Required ? " NOT NULL" : "")}"));
            columns.AddRange(table.ForeignKeys.Select(k => $"{PgNames.Quote(k.Column)} integer"));
            sql.Append($"CREATE TABLE {PgNames.Quote(table.Name)} (\n  {string.Join(",\n  ", columns)});\n");
            sql.Append($"COMMENT ON TABLE {PgNames.Quote(table.Name)} IS {PgNames.Literal(table.Kind.Description)};\n");
        }

        foreach (var join in layout.JoinTables)
        {
            var columns = new List<string> { $"{PgNames.Quote(join.FromColumn)} integer NOT NULL", $"{PgNames.Quote(join.ToColumn)} integer NOT NULL" };
            columns.AddRange(join.Properties.Select(p => $"{PgNames.Quote(p.Name)} {p.SqlType}"));
            sql.Append($"CREATE TABLE {PgNames.Quote(join.Name)} (\n  {string.Join(",\n  ", columns)});\n");
            sql.Append($"COMMENT ON TABLE {PgNames.Quote(join.Name)} IS {PgNames.Literal(join.Relation.Description)};\n");
        }

        return sql.ToString();
    }

    /// <summary>Primary keys, unique natural keys, foreign keys with their indexes, an index per facet field and a
    /// trigram index per text-searched field: what a careful PostgreSQL user would create for these queries.</summary>
    public static string Constraints(PgLayout layout)
    {
        var sql = new StringBuilder();
        var searched = TextSearch.Fields.Select(f => (f.Kind.Label, f.Field)).ToHashSet();
        foreach (var table in layout.NodeTables)
        {
            var t = PgNames.Quote(table.Name);
            sql.Append($"ALTER TABLE {t} ADD PRIMARY KEY (id);\n");
            sql.Append($"ALTER TABLE {t} ADD UNIQUE ({PgNames.Quote(table.KeyColumn)});\n");
        }

        foreach (var table in layout.NodeTables)
        {
            var t = PgNames.Quote(table.Name);
            foreach (var key in table.ForeignKeys)
            {
                sql.Append($"ALTER TABLE {t} ADD FOREIGN KEY ({PgNames.Quote(key.Column)}) REFERENCES {PgNames.Quote(key.Target.Name)} (id);\n");
                sql.Append($"CREATE INDEX ON {t} ({PgNames.Quote(key.Column)});\n");
            }

            foreach (var column in table.Fields)
            {
                if (column.Field.IsFacet)
                    sql.Append(column.Field.Type == ValueKind.StringList
                        ? $"CREATE INDEX ON {t} USING gin ({PgNames.Quote(column.Name)});\n"
                        : $"CREATE INDEX ON {t} ({PgNames.Quote(column.Name)});\n");
                if (searched.Contains((table.Kind.Label, column.Field.Name)) && column.Field.Type == ValueKind.String)
                    sql.Append($"CREATE INDEX ON {t} USING gin ({PgNames.Quote(column.Name)} gin_trgm_ops);\n");
            }
        }

        foreach (var join in layout.JoinTables)
        {
            var t = PgNames.Quote(join.Name);
            sql.Append($"ALTER TABLE {t} ADD PRIMARY KEY ({PgNames.Quote(join.FromColumn)}, {PgNames.Quote(join.ToColumn)});\n");
            sql.Append($"ALTER TABLE {t} ADD FOREIGN KEY ({PgNames.Quote(join.FromColumn)}) REFERENCES {PgNames.Quote(join.From.Name)} (id);\n");
            sql.Append($"ALTER TABLE {t} ADD FOREIGN KEY ({PgNames.Quote(join.ToColumn)}) REFERENCES {PgNames.Quote(join.To.Name)} (id);\n");
            sql.Append($"CREATE INDEX ON {t} ({PgNames.Quote(join.ToColumn)});\n");
        }

        return sql.ToString();
    }

    /// <summary>The psql script that loads an export; run it from the export's folder (the CSV paths are relative).</summary>
    public static string Load(PgLayout layout)
    {
        var sql = new StringBuilder("-- Load with: cd <this folder> && psql -d <database> -f load.sql\n\\set ON_ERROR_STOP on\nSET client_min_messages = warning;\nBEGIN;\n");
        sql.Append($"\\i {SchemaFile}\n");
        foreach (var table in layout.NodeTables)
            sql.Append(Copy(table.Name, table.ColumnNames));
        foreach (var join in layout.JoinTables)
            sql.Append(Copy(join.Name, join.ColumnNames));
        sql.Append($"\\i {ConstraintsFile}\nCOMMIT;\nANALYZE;\n");
        return sql.ToString();
    }

    private static string Copy(string table, IEnumerable<string> columns) =>
        $"\\copy {PgNames.Quote(table)} ({string.Join(", ", columns.Select(PgNames.Quote))}) FROM '{CsvFile(table)}' WITH (FORMAT csv, HEADER true)\n";
}
