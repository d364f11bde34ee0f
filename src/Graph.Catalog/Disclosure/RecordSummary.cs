using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>Patients and their series as one caller may see them counted: at every level, their total size and facets, protected.</summary>
/// <remarks>Built by <see cref="ProtectedCatalog"/>; each figure is computed when first asked for.</remarks>
public sealed class RecordSummary
{
    private static readonly RelationField SeriesPatient = RelationField.Find(GraphModel.Series, "patient")!;
    private static readonly RelationField DatasetRepository = RelationField.Find(GraphModel.Dataset, "repository")!;
    private static readonly FieldPath PatientDatasets = FieldPath.Resolve(GraphModel.Patient, "datasets.slug", facetsOnly: true);

    private readonly ProtectedCatalog _catalog;
    private readonly Bitset _patients;
    private readonly Bitset _series;
    private readonly Lazy<double> _layers;
    private readonly Lazy<SelectionSplit> _split;
    private readonly Lazy<(ProtectedCount Datasets, ProtectedCount Repositories)> _holders;
    private readonly List<string> _limited;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Level, string Field, int Limit), ProtectedFacet> _facets = new();

    internal RecordSummary(ProtectedCatalog catalog, Bitset patients, Bitset series, IReadOnlyList<(NodeKind, Filter)> layers, List<string> limited)
    {
        _catalog = catalog;
        _patients = patients;
        _series = series;
        _limited = limited;
        _layers = new(() => catalog.Layers(layers));
        _split = new(() => SelectionSplit.Of(catalog, patients, series));
        _holders = new(ComputeHolders);
    }

    /// <summary>Patients selected.</summary>
    public ProtectedCount Patients => Count(_split.Value.Patients, "patients");

    /// <summary>Studies that hold selected series.</summary>
    public ProtectedCount Studies => Count(_split.Value.Studies, "studies");

    /// <summary>Series selected.</summary>
    public ProtectedCount Series => Count(_split.Value.Series, "series");

    /// <summary>The size of the selected series, in bytes.</summary>
    public ProtectedSize TotalBytes
    {
        get
        {
            var split = _split.Value;
            return _catalog.Protector.Size(split.ReadableBytes, split.UnreadableBytes, split.Series.UnreadableOwners, Noise("bytes"));
        }
    }

    /// <summary>Datasets that include selected patients: those a protected facet of the patients' datasets lists, so the two always agree.</summary>
    public ProtectedCount Datasets => _holders.Value.Datasets;

    /// <summary>Repositories that host those datasets.</summary>
    public ProtectedCount Repositories => _holders.Value.Repositories;

    /// <summary>The catalogue version the figures reflect.</summary>
    public long CatalogueVersion => _catalog.CatalogueVersion;

    /// <summary>How the figures were protected, with the identifying conditions that matched only readable records.</summary>
    public Protection Protection
    {
        get
        {
            lock (_limited)
                return _catalog.ProtectionWith(_limited.Distinct().ToList());
        }
    }

    /// <summary>Counts per value of facets of the selected patients or series; values whose count is withheld are not listed.</summary>
    /// <param name="level">Patient or Series.</param>
    /// <param name="fields">Facet paths of that kind.</param>
    /// <param name="limit">Values per facet, 1 to <see cref="Facets.MaxLimit"/>.</param>
    /// <exception cref="CatalogQueryException">A path is not a facet of the kind, or the limit is out of range.</exception>
    public IReadOnlyList<ProtectedFacet> Facets(NodeKind level, IEnumerable<string> fields, int limit)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(fields);
        if (limit is < 1 or > Querying.Facets.MaxLimit)
            throw new CatalogQueryException($"The facet limit must be between 1 and {Querying.Facets.MaxLimit}; it was {limit}.");
        if (level != GraphModel.Patient && level != GraphModel.Series)
            throw new CatalogQueryException($"Facets of a summary are of Patient or Series, not {level.Label}.");
        // A facet through cohorts counts the caller's own cohorts: never kept in this summary, which callers of one access share.
        return fields.Select(f => FieldPath.Resolve(level, f, facetsOnly: true) is var path && ProtectedCatalog.ReachesCohorts(path)
            ? Facet(level, path, limit)
            : _facets.GetOrAdd((level.Label, f, limit), _ => Facet(level, path, limit))).ToList();
    }

    /// <summary>Counts of the selected patients or series per pair of values of two facets, protected cell by cell as facet values are.</summary>
    /// <param name="level">Patient or Series.</param>
    /// <param name="rows">The facet path whose values are the rows.</param>
    /// <param name="columns">The facet path whose values are the columns.</param>
    /// <param name="limit">Rows, and columns per row, 1 to <see cref="Facets.MaxLimit"/>.</param>
    /// <exception cref="CatalogQueryException">A path is not a facet of the kind, or the limit is out of range.</exception>
    public ProtectedCrossTab CrossTab(NodeKind level, string rows, string columns, int limit)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var rowFacet = Facets(level, [rows], Querying.Facets.MaxLimit)[0];
        var rowPath = FieldPath.Resolve(level, rows, facetsOnly: true);
        var columnPath = FieldPath.Resolve(level, columns, facetsOnly: true);
        if (limit is < 1 or > Querying.Facets.MaxLimit)
            throw new CatalogQueryException($"The cross-tabulation limit must be between 1 and {Querying.Facets.MaxLimit}; it was {limit}.");
        var nodes = Nodes(level, rowPath, columnPath);
        var (byValue, missing) = Querying.Facets.Partition(_catalog.Over(ProtectedCatalog.ReachesCohorts(rowPath)), rowPath, nodes);
        var result = new List<ProtectedCrossTabRow>();
        foreach (var row in rowFacet.Values.Take(limit))
        {
            if (byValue.TryGetValue(row.Value, out var set))
                result.Add(new ProtectedCrossTabRow(row.Value, row.Label, row.Count, CrossFacet(level, set, rowPath, row.Value, columnPath, limit)));
        }

        // The row of nodes without a row value: its cells count the same pairs any caller could ask for with eq: null.
        result.Add(new ProtectedCrossTabRow(null, null, rowFacet.Missing, CrossFacet(level, missing, rowPath, null, columnPath, limit)));
        return new ProtectedCrossTab(rowPath.Text, columnPath.Text, result, rowFacet.Other);
    }

    // The nodes a facet counts: the selection, limited to readable records when a path walks cohort membership, which names people.
    private Bitset Nodes(NodeKind level, params FieldPath[] paths)
    {
        var nodes = level == GraphModel.Patient ? _patients : _series;
        if (!_catalog.IsExact && paths.Any(ProtectedCatalog.ReachesCohorts))
        {
            nodes = nodes.Clone().And(_catalog.ReadableSet(level));
            lock (_limited)
                _limited.AddRange(paths.Where(ProtectedCatalog.ReachesCohorts).Select(p => $"{level.Label}.{p.Text}"));
        }

        return nodes;
    }

    private ProtectedFacet Facet(NodeKind level, FieldPath path, int limit)
    {
        var prefix = $"facet:{level.Label}:{path.Text}";
        return Protect(level, path, Nodes(level, path), limit, value => $"{prefix}={value}", prefix);
    }

    // One row of a cross-tabulation: a facet of the columns over the nodes of one row value. Each cell's noise is seeded by the
    // pair of conditions in a fixed order, so the same pair asked with rows and columns swapped gets the same answer.
    private ProtectedFacet CrossFacet(NodeKind level, Bitset nodes, FieldPath rowPath, string? rowValue, FieldPath columnPath, int limit)
    {
        var row = $"{rowPath.Text}={rowValue ?? ":missing"}";
        string Cell(string column)
        {
            var pair = new[] { row, column }.Order(StringComparer.Ordinal);
            return $"crosstab:{level.Label}:{string.Join('&', pair)}";
        }

        return Protect(level, columnPath, nodes, limit, value => Cell($"{columnPath.Text}={value}"), Cell($"{columnPath.Text}=:rest"));
    }

    private ProtectedFacet Protect(NodeKind level, FieldPath path, Bitset nodes, int limit, Func<string, string> valueTag, string prefix)
    {
        var snapshot = _catalog.Over(ProtectedCatalog.ReachesCohorts(path));
        var readable = _catalog.ReadableSet(level);
        var ownerOf = level == GraphModel.Patient ? null : FieldPath.SingleMap(snapshot, GraphModel.Series, [SeriesPatient]);
        var split = Querying.Facets.CountSplit(snapshot, path, nodes, readable, ownerOf);
        var perPatient = level == GraphModel.Patient ? 1 : _split.Value.SeriesPerPatient;
        var candidates = split.Values
            .Select(v => (v.Count, Shown: Count(v.Count, valueTag(v.Value), _catalog.Noise.Of(valueTag(v.Value)), perPatient), v.Value, v.Label))
            .ToList();
        var listed = candidates.Where(c => c.Shown.Readable > 0 || c.Shown.Restricted is not null)
            .OrderByDescending(c => c.Shown.Value).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var shown = listed.Take(limit).ToList();
        var rest = candidates.Where(c => !shown.Any(s => s.Value == c.Value)).Aggregate(default(SplitCount), (sum, c) => sum + c.Count);
        return new ProtectedFacet(
            path.Text,
            shown.Select(c => new ProtectedFacetValue(c.Value, c.Label, c.Shown)).ToList(),
            Count(split.Missing, $"{prefix}:missing", 0, perPatient),
            Count(rest, $"{prefix}:other", 0, perPatient),
            listed.Count);
    }

    private ProtectedCount Count(SplitCount count, string tag, double extra = 0, double? perPatient = null) =>
        _catalog.Protector.Count(count, Noise(tag) + extra, perPatient);

    // The static layers of the conditions, plus a layer seeded by the unreadable patients counted and what is counted of them.
    private double Noise(string tag) =>
        _catalog.IsExact ? 0 : _layers.Value + _catalog.Noise.Of("summary:" + tag, _split.Value.UnreadableHash);

    private (ProtectedCount, ProtectedCount) ComputeHolders()
    {
        var facet = Facet(GraphModel.Patient, PatientDatasets, Querying.Facets.MaxLimit);
        var snapshot = _catalog.Full;
        var repositories = new HashSet<string>(StringComparer.Ordinal);
        var readableRepositories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in facet.Values)
        {
            if (snapshot.Find(GraphModel.Dataset, value.Value) is not { } dataset
                || Traversal.Related(snapshot, DatasetRepository, dataset.Ordinal) is not [var repository, ..])
                continue;
            var key = snapshot.Table(GraphModel.Repository).Key(repository);
            repositories.Add(key);
            if (value.Count.Readable > 0)
                readableRepositories.Add(key);
        }

        var readableDatasets = facet.Values.Count(v => v.Count.Readable > 0);
        return (Listed(readableDatasets, facet.Values.Count), Listed(readableRepositories.Count, repositories.Count));
    }

    // A count of listed catalogue-level nodes: those reached through readable records, and the others listed through protected counts.
    private ProtectedCount Listed(int readable, int listed) =>
        _catalog.IsExact ? ProtectedCount.Of(listed) : new ProtectedCount(readable, listed - readable, false, _catalog.Options.Threshold, Estimated: false);
}
