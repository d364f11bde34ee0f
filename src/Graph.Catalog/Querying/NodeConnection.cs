using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>One page of a connection (every node of a kind, or the nodes related to one node), filtered and ordered, with
/// what lies around it and the filtered set for facets and histograms over the whole connection.</summary>
public sealed class NodeConnection
{
    private readonly Page _page;
    private readonly Func<Clauses> _clauses;
    private Clauses? _evaluated;

    private NodeConnection(CatalogSnapshot snapshot, NodeKind kind, Page page, Func<Clauses> clauses)
    {
        Snapshot = snapshot;
        Kind = kind;
        _page = page;
        _clauses = clauses;
    }

    /// <summary>The snapshot the page was cut from.</summary>
    public CatalogSnapshot Snapshot { get; }

    /// <summary>The kind of the connection's nodes.</summary>
    public NodeKind Kind { get; }

    /// <summary>The connection's filter clauses over its scope, evaluated on first use (by facets and histograms).</summary>
    internal Clauses Clauses => _evaluated ??= _clauses();

    /// <summary>The nodes of the page, in order.</summary>
    public IEnumerable<GraphNode> Nodes => _page.Ordinals.Select(o => Snapshot.At(Kind, o)!);

    /// <summary>The nodes of the page with the cursors that resume after (or before) each.</summary>
    public IEnumerable<(string Cursor, GraphNode Node)> Edges => _page.Ordinals.Select(o => (Cursor.Encode(o), Snapshot.At(Kind, o)!));

    /// <summary>The cursor of the page's first node, or null for an empty page.</summary>
    public string? StartCursor => _page.Ordinals.Count > 0 ? Cursor.Encode(_page.Ordinals[0]) : null;

    /// <summary>The cursor of the page's last node, or null for an empty page.</summary>
    public string? EndCursor => _page.Ordinals.Count > 0 ? Cursor.Encode(_page.Ordinals[^1]) : null;

    /// <summary>Whether nodes follow this page.</summary>
    public bool HasNext => _page.HasNext;

    /// <summary>Whether nodes precede this page.</summary>
    public bool HasPrevious => _page.HasPrevious;

    /// <summary>The number of nodes in the whole connection, all pages.</summary>
    public int TotalCount => _page.TotalCount;

    /// <summary>Counts per value of each facet field over the whole connection; with <paramref name="multiSelect"/> a facet's own
    /// where-clause is left out of its counts.</summary>
    /// <exception cref="CatalogQueryException">Too many fields, a limit out of range, or a field that is not a facet field of the kind.</exception>
    public IReadOnlyList<FacetResult> Facets(IReadOnlyList<string> fields, int limit, bool multiSelect)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count > Querying.Facets.MaxFields)
            throw new CatalogQueryException($"'fields' has {fields.Count} facets; at most {Querying.Facets.MaxFields} are accepted.");
        return Querying.Facets.Compute(Snapshot, Kind, Clauses, fields, limit, multiSelect);
    }

    /// <summary>The distribution of a numeric field (own, or of a single related node) over the whole connection; with
    /// <paramref name="multiSelect"/> the field's own where-clause is left out.</summary>
    /// <exception cref="CatalogQueryException">The field is not numeric and single-valued, or the bins or width are out of range.</exception>
    public HistogramResult Histogram(string field, int? bins, double? width, bool multiSelect)
    {
        var path = FieldPath.Resolve(Kind, field, facetsOnly: false);
        return Histograms.Compute(Snapshot, path, multiSelect ? Clauses.Except(path.Text) : Clauses.All(), bins, width);
    }

    /// <summary>The page of every node of a kind that matches <paramref name="where"/>.</summary>
    /// <exception cref="CatalogQueryException">A cursor is not one of this connection's, or the filter names a concept the catalogue does not hold.</exception>
    public static NodeConnection Of(CatalogSnapshot snapshot, NodeKind kind, Filter? where, IReadOnlyList<OrderSpec> order, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(order);
        ConceptCheck.RequireKnown(snapshot, where);
        var clauses = new Clauses(snapshot, kind, where);
        var set = clauses.All();
        if (order.Count > 0)
            RequireReadable(snapshot.Table(kind), page);
        var cut = order.Count == 0 ? Paging.Cut(set, page) : Paging.CutSorted(set, Ordering.Comparer(snapshot, kind, order), page);
        return new NodeConnection(snapshot, kind, cut, () => clauses);
    }

    /// <summary>For each parent, the page of the nodes a relationship field leads to that match <paramref name="where"/>: the
    /// filter and the sort keys are evaluated once for all parents (one read of the index per field and level of a query).</summary>
    /// <exception cref="CatalogQueryException">A cursor is not one of this connection's, or the filter names a concept the catalogue does not hold.</exception>
    public static IReadOnlyDictionary<GraphNode, NodeConnection> Related(
        CatalogSnapshot snapshot, RelationField relation, IReadOnlyCollection<GraphNode> parents, Filter? where, IReadOnlyList<OrderSpec> order, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(order);
        ConceptCheck.RequireKnown(snapshot, where);
        var target = relation.Target;
        var matching = where is null ? null : FilterEvaluator.Evaluate(snapshot, target, where);
        var comparison = order.Count == 0 ? null : Ordering.Comparer(snapshot, target, order);
        if (comparison is not null)
            RequireReadable(snapshot.Table(target), page);
        var results = new Dictionary<GraphNode, NodeConnection>(parents.Count);
        foreach (var parent in parents)
        {
            var all = Traversal.Related(snapshot, relation, parent.Ordinal);
            var related = matching is null ? all : Array.FindAll(all, o => matching[o]);
            var cut = comparison is null
                ? Paging.Cut(related, page)
                : Paging.CutOrdered(Ordering.Sort(related, comparison), comparison, page);
            results[parent] = new NodeConnection(snapshot, target, cut, () => new Clauses(snapshot, target, where, Bitset.Of(snapshot.Table(target).Count, all)));
        }

        return results;
    }

    // A page in an order starts from the values of its cursor's record: it must be a record the caller reads now, or a cursor
    // given to another caller (or before a record was deleted) would place in the order a record this caller may not read.
    private static void RequireReadable(NodeTable table, PageRequest page)
    {
        foreach (var cursor in (ReadOnlySpan<string?>)[page.After, page.Before])
        {
            if (cursor is not null && !table.IsLive(Cursor.Decode(cursor)))
                throw new CatalogQueryException("The cursor is of a record that is not in your view of this connection (deleted since, or not readable by you); page again from the start.");
        }
    }
}
