using System.Threading.Channels;
using Graph.Domain;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Sqlite;

/// <summary>Reading: every live row, a scope of labels and types (optionally of some keys), or the changes since a sequence,
/// streamed to a sink in batches from a reader task.</summary>
public sealed partial class SqliteGraphStore
{
    private Task<long> ReadAsync(long? after, ReadScope? scope, IChangeSink sink, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        var head = await ScalarAsync(connection, "SELECT IFNULL(MAX(seq), 0) FROM changesets", cancellationToken).ConfigureAwait(false);
        if (after is { } since && await MetaAsync(connection, "purged_through", cancellationToken).ConfigureAwait(false) is var purged && since < purged)
            throw new ChangesPurgedException(since, purged);
        var filter = after is null ? "deleted = 0" : "seq > $after";

        // Two stages: this thread steps SQLite, another parses properties and feeds the sink, in order.
        var rows = Channel.CreateBounded<List<RawRow>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var consumer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in rows.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        foreach (var row in batch)
                            row.Deliver(sink);
                    }
                }
                catch (Exception e)
                {
                    // Unblocks the reading side, which then rethrows this failure from awaiting the consumer.
                    rows.Writer.TryComplete(e);
                    throw;
                }
            },
            cancellationToken);
        try
        {
            var batch = new List<RawRow>(BatchRows);
            foreach (var keys in KeyChunks(scope))
            {
                using var nodes = connection.CreateCommand();
                var props = scope is { KeysOnly.Count: > 0 } ? $"CASE WHEN 1{In(nodes, "label", scope.KeysOnly, "keysonly")} THEN '{{}}' ELSE props END" : "props";
                nodes.CommandText = $"SELECT label, key, {props}, seq, deleted FROM nodes WHERE {filter}{In(nodes, "label", scope?.Labels)}{In(nodes, "key", keys)}";
                nodes.Parameters.AddWithValue("$after", after ?? 0);
                using var reader = await nodes.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    batch.Add(new RawRow(reader.GetString(0), reader.GetString(1), null, null, null, reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4) != 0));
                    batch = await FlushIfFullAsync(rows.Writer, batch, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var keys in KeyChunks(scope))
            {
                using var edges = connection.CreateCommand();

                // By end node: edges_by_end (to_label, to_key), which the planner would pass over for the primary key's prefix.
                var table = keys is null ? "edges" : "edges INDEXED BY edges_by_end";
                var ends = keys is null ? "" : $"{In(edges, "to_label", EndLabels(scope))}{In(edges, "to_key", keys)}";
                edges.CommandText = $"SELECT type, from_label, from_key, to_label, to_key, props, seq, deleted FROM {table} WHERE {filter}{In(edges, "type", scope?.RelationshipTypes)}{In(edges, "from_label", StartLabels(scope))}{ends}";
                edges.Parameters.AddWithValue("$after", after ?? 0);
                using var reader = await edges.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    batch.Add(new RawRow(reader.GetString(1), reader.GetString(2), reader.GetString(0), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7) != 0));
                    batch = await FlushIfFullAsync(rows.Writer, batch, cancellationToken).ConfigureAwait(false);
                }
            }

            if (batch.Count > 0)
                await rows.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The consumer failed; awaiting it below reports why.
        }
        finally
        {
            rows.Writer.TryComplete();
        }

        await consumer.ConfigureAwait(false);

        return head;
    });

    private const int BatchRows = 1024;

    // Keys per statement, well under SQLite's limit on parameters (32,766 since 3.32; 999 before).
    private const int KeysPerStatement = 500;

    /// <summary>The scope's keys in chunks of one statement each, or one null chunk (every key) when it has none.</summary>
    private static IEnumerable<string[]?> KeyChunks(ReadScope? scope)
    {
        if (scope?.Keys is not { } keys)
            return [null];
        return keys.Count == 0 ? [[]] : keys.Chunk(KeysPerStatement);
    }

    /// <summary>The end labels of a scope's relationship types, so that a keyed read finds them by edges_by_end.</summary>
    private static string[]? EndLabels(ReadScope? scope) =>
        scope?.RelationshipTypes.SelectMany(t => GraphModel.Relations.Where(r => r.Type == t).Select(r => r.To.Label)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The start labels of a scope's relationship types, so that SQLite reads them by the primary key's prefix, not the whole table.</summary>
    private static string[]? StartLabels(ReadScope? scope) =>
        scope?.RelationshipTypes.SelectMany(t => GraphModel.Relations.Where(r => r.Type == t).Select(r => r.From.Label)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The condition that a column holds one of some values, as parameters of a command; empty when every value is wanted.</summary>
    private static string In(SqliteCommand command, string column, IReadOnlyCollection<string>? values, string? parameter = null)
    {
        if (values is null)
            return "";
        var names = values.Select((value, i) =>
        {
            var name = $"${parameter ?? column}{i}";
            command.Parameters.AddWithValue(name, value);
            return name;
        }).ToList();
        return names.Count == 0 ? " AND 0" : $" AND {column} IN ({string.Join(", ", names)})";
    }

    private static async Task<List<RawRow>> FlushIfFullAsync(ChannelWriter<List<RawRow>> writer, List<RawRow> batch, CancellationToken cancellationToken)
    {
        if (batch.Count < BatchRows)
            return batch;
        await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        return new List<RawRow>(BatchRows);
    }

    /// <summary>A row as read from SQLite, before its properties are parsed: a node, or a relationship when it has a type.</summary>
    private sealed record RawRow(string Label, string Key, string? Type, string? ToLabel, string? ToKey, string Properties, long Sequence, bool Deleted)
    {
        public void Deliver(IChangeSink sink)
        {
            if (Type is null)
            {
                sink.Node(new StoredNode(new NodeRecord(Label, Key, PropertyJson.Read(Properties, PropertyJson.NodeFields(Label))), Sequence, Deleted));
                return;
            }

            var properties = PropertyJson.Read(Properties, PropertyJson.EdgeFields(Type, Label, ToLabel!));
            sink.Edge(new StoredEdge(new EdgeRecord(Type, new NodeRef(Label, Key), new NodeRef(ToLabel!, ToKey!), properties), Sequence, Deleted));
        }
    }
}
