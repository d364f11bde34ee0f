using Graph.Domain;

namespace Graph.Store.Neo4j;

/// <summary>Streams nodes, then relationships, page by page with keyset cursors (never SKIP).</summary>
/// <remarks>
/// Neo4j reads committed data without a snapshot, so a read that runs while others write may also see rows of
/// changes after the sequence it returns. It never misses one: the sequence is read first, every change up to it
/// is committed by then, and anything newer carries a later sequence, so the reader's next
/// <c>ReadChangesAsync</c> from the returned sequence brings it again; applying a row twice is harmless.
/// </remarks>
internal sealed class Neo4jReader(QueryApiClient client, int pageSize)
{
    // About ten relationships of a kind per start node (a study's series), so a page of start nodes is about a page of rows.
    private readonly int _startNodesPerPage = Math.Max(1, pageSize / 10);

    public async Task<long> ReadSequenceAsync(CancellationToken cancellationToken) =>
        (await client.RunAsync(Neo4jStatements.ReadSequence, new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false)).Long("seq");

    /// <summary>Reads the commit time and source of the change recorded at a sequence, or null.</summary>
    public async Task<string?> ReadChangeMarkAsync(long sequence, CancellationToken cancellationToken)
    {
        var result = await client.RunAsync(Neo4jStatements.ReadChangeMark, new Dictionary<string, object?> { ["seq"] = sequence }, cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : result.Rows[0][result.Column("mark")] as string;
    }

    /// <summary>Reads every live node and relationship, or those of a scope's labels and types.</summary>
    public async Task<long> ReadAllAsync(IChangeSink sink, ReadScope? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (scope?.Keys is { } keys)
            return await ReadKeysAsync(sink, scope, keys, cancellationToken).ConfigureAwait(false);
        var head = await ReadSequenceAsync(cancellationToken).ConfigureAwait(false);
        foreach (var kind in GraphModel.NodeKinds.Where(k => scope?.Includes(k.Label) ?? true))
        {
            var statement = Neo4jStatements.For(kind).ReadPage;
            var keysOnly = scope?.IsKeysOnly(kind.Label) ?? false;
            var cursor = "";
            while (true)
            {
                var page = await client.RunAsync(statement, Page(("cursor", cursor), ("limit", (long)pageSize)), cancellationToken).ConfigureAwait(false);
                if (page.Rows.Count == 0)
                    break;
                DeliverNodes(sink, kind, page, keysOnly);
                if (page.Rows.Count < pageSize)
                    break;
                cursor = (string)page.Rows[^1][page.Column("key")]!;
            }
        }

        foreach (var kind in GraphModel.Relations.Where(r => scope?.IncludesType(r.Type) ?? true))
        {
            var statement = Neo4jStatements.For(kind).ReadPage;
            var fields = EdgeFields(kind);
            var cursor = "";
            while (true)
            {
                var page = await client.RunAsync(statement, Page(("cursor", cursor), ("limit", (long)_startNodesPerPage)), cancellationToken).ConfigureAwait(false);
                if (page.Rows.Count == 0)
                    break;
                DeliverEdges(sink, kind, fields, page);
                if (QueryResult.AsLong(page.Rows[0][page.Column("pageSize")]) < _startNodesPerPage)
                    break;
                cursor = (string)page.Rows[0][page.Column("last")]!;
            }
        }

        return head;
    }

    /// <summary>Reads the live nodes of a scope's labels with some keys, then the live relationships of its types whose end nodes have them,
    /// a page of keys per statement.</summary>
    private async Task<long> ReadKeysAsync(IChangeSink sink, ReadScope scope, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var head = await ReadSequenceAsync(cancellationToken).ConfigureAwait(false);
        var chunks = keys.Chunk(pageSize).Select(c => (object?)c.Cast<object?>().ToList()).ToList();
        foreach (var kind in GraphModel.NodeKinds.Where(k => scope.Includes(k.Label)))
        {
            var keysOnly = scope.IsKeysOnly(kind.Label);
            foreach (var chunk in chunks)
                DeliverNodes(sink, kind, await client.RunAsync(Neo4jStatements.For(kind).ReadByKey, Page(("keys", chunk)), cancellationToken).ConfigureAwait(false), keysOnly);
        }

        foreach (var kind in GraphModel.Relations.Where(r => scope.IncludesType(r.Type)))
        {
            var fields = EdgeFields(kind);
            foreach (var chunk in chunks)
                DeliverEdges(sink, kind, fields, await client.RunAsync(Neo4jStatements.For(kind).ReadByEnd, Page(("keys", chunk)), cancellationToken).ConfigureAwait(false));
        }

        return head;
    }

    // The live nodes of a page of rows (key, props, seq).
    private static void DeliverNodes(IChangeSink sink, NodeKind kind, QueryResult page, bool keysOnly)
    {
        int key = page.Column("key"), props = page.Column("props"), seq = page.Column("seq");
        foreach (var row in page.Rows)
            sink.Node(new StoredNode(new NodeRecord(kind.Label, (string)row[key]!, keysOnly ? System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>.Empty : Properties(row[props], kind.KeyField, kind.Field)), QueryResult.AsLong(row[seq]), false));
    }

    // The live relationships of a page of rows (from, to, props, seq); a start node without relationships gives a row without an end.
    private static void DeliverEdges(IChangeSink sink, RelationKind kind, Func<string, FieldDef?> fields, QueryResult page)
    {
        int from = page.Column("from"), to = page.Column("to"), props = page.Column("props"), seq = page.Column("seq");
        foreach (var row in page.Rows)
        {
            if (row[to] is not string end)
                continue;
            var edge = new EdgeRecord(kind.Type, new NodeRef(kind.From.Label, (string)row[from]!), new NodeRef(kind.To.Label, end), Properties(row[props], null, fields));
            sink.Edge(new StoredEdge(edge, QueryResult.AsLong(row[seq]), false));
        }
    }

    public async Task<long> ReadChangesAsync(long afterSequence, IChangeSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var head = await ReadSequenceAsync(cancellationToken).ConfigureAwait(false);
        if (head <= afterSequence)
            return head;
        await EnsureNotPurgedAsync(afterSequence, cancellationToken).ConfigureAwait(false);
        foreach (var kind in GraphModel.NodeKinds)
        {
            var statement = Neo4jStatements.For(kind).ReadChangesPage;
            (long Seq, string Key) cursor = (afterSequence + 1, "");
            while (true)
            {
                var page = await client.RunAsync(statement, Page(("seq", cursor.Seq), ("key", cursor.Key), ("limit", (long)pageSize)), cancellationToken).ConfigureAwait(false);
                if (page.Rows.Count == 0)
                    break;
                int key = page.Column("key"), props = page.Column("props"), seq = page.Column("seq"), deleted = page.Column("deleted");
                foreach (var row in page.Rows)
                {
                    var node = new NodeRecord(kind.Label, (string)row[key]!, Properties(row[props], kind.KeyField, kind.Field));
                    sink.Node(new StoredNode(node, QueryResult.AsLong(row[seq]), row[deleted] is true));
                }

                if (page.Rows.Count < pageSize)
                    break;
                cursor = (QueryResult.AsLong(page.Rows[^1][seq]), (string)page.Rows[^1][key]!);
            }
        }

        foreach (var kind in GraphModel.Relations)
        {
            var statement = Neo4jStatements.For(kind).ReadChangesPage;
            var fields = EdgeFields(kind);
            (long Seq, string Id) cursor = (afterSequence + 1, "");
            while (true)
            {
                var page = await client.RunAsync(statement, Page(("seq", cursor.Seq), ("id", cursor.Id), ("limit", (long)pageSize)), cancellationToken).ConfigureAwait(false);
                if (page.Rows.Count == 0)
                    break;
                int from = page.Column("from"), to = page.Column("to"), props = page.Column("props"), seq = page.Column("seq"), deleted = page.Column("deleted"), id = page.Column("id");
                foreach (var row in page.Rows)
                {
                    var edge = new EdgeRecord(kind.Type, new NodeRef(kind.From.Label, (string)row[from]!), new NodeRef(kind.To.Label, (string)row[to]!), Properties(row[props], null, fields));
                    sink.Edge(new StoredEdge(edge, QueryResult.AsLong(row[seq]), row[deleted] is true));
                }

                if (page.Rows.Count < pageSize)
                    break;
                cursor = (QueryResult.AsLong(page.Rows[^1][seq]), (string)page.Rows[^1][id]!);
            }
        }

        // A purge raises its horizon before it erases anything: one that began while these pages were read shows here.
        await EnsureNotPurgedAsync(afterSequence, cancellationToken).ConfigureAwait(false);
        return head;
    }

    private async Task EnsureNotPurgedAsync(long afterSequence, CancellationToken cancellationToken)
    {
        var purged = (await client.RunAsync(Neo4jStatements.ReadPurgeHorizon, new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false)).Long("through");
        if (afterSequence < purged)
            throw new ChangesPurgedException(afterSequence, purged);
    }

    /// <summary>Turns a stored property map into the model's values: system properties and the key left out, numbers typed by field.</summary>
    internal static IReadOnlyDictionary<string, object?> Properties(object? stored, string? keyField, Func<string, FieldDef?> fields)
    {
        if (stored is not Dictionary<string, object?> map || map.Count == 0)
            return new Dictionary<string, object?>();
        var result = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var (name, raw) in map)
        {
            if (raw is null || name == keyField || Neo4jStatements.IsSystemProperty(name))
                continue;
            object value = raw is List<object?> list
                ? list.Select(item => Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()
                : raw;
            if (fields(name) is { } field && PropertyValues.Coerce(field, value, out var error) is { } typed && error is null)
                value = typed;
            result[name] = value;
        }

        return result;
    }

    private static Func<string, FieldDef?> EdgeFields(RelationKind kind) => name => kind.Properties.FirstOrDefault(p => p.Name == name);

    private static Dictionary<string, object?> Page(params (string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
