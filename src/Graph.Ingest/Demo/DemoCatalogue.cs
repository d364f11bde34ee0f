using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Demo;

/// <summary>Generates the synthetic demo catalogue: 9 cancer types, 16 repositories and 36 datasets, then batches of whole patients.</summary>
/// <remarks>
/// The first ChangeSet holds the cancer types, repositories and datasets with their relationships; every later one
/// holds <see cref="DemoOptions.BatchPatients"/> whole patients with their diagnoses, studies and series, and
/// relationships only to nodes of the same set or of the first. The same options give equal ChangeSets, in the same
/// order, on every run and platform. Sets are generated as they are enumerated, so memory does not grow with the catalogue.
/// </remarks>
public static class DemoCatalogue
{
    /// <summary>The source recorded with every ChangeSet of the demo catalogue.</summary>
    public const string Source = "demo-seed";

    /// <summary>Generates the catalogue, the cancer types, repositories and datasets first.</summary>
    public static IEnumerable<ChangeSet> Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        return Batches(options);
    }

    /// <summary>The number of ChangeSets <see cref="Generate"/> gives: the catalogue's, then one per batch of patients.</summary>
    public static int BatchCount(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        return 1 + (int)(((long)options.Patients + options.BatchPatients - 1) / options.BatchPatients);
    }

    /// <summary>Generates one ChangeSet of the catalogue on its own, equal to the one <see cref="Generate"/> gives at that position.</summary>
    public static ChangeSet GenerateBatch(DemoOptions options, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, BatchCount(options));
        return index == 0 ? CatalogueSet() : PatientSet(options, new DemoLayout(options.Patients), new DemoPatientFactory(options.Seed), index);
    }

    private static IEnumerable<ChangeSet> Batches(DemoOptions options)
    {
        yield return CatalogueSet();
        var layout = new DemoLayout(options.Patients);
        var factory = new DemoPatientFactory(options.Seed);
        var count = BatchCount(options);
        for (var index = 1; index < count; index++)
            yield return PatientSet(options, layout, factory, index);
    }

    private static ChangeSet PatientSet(DemoOptions options, DemoLayout layout, DemoPatientFactory factory, int index)
    {
        var first = (index - 1) * options.BatchPatients;
        var end = Math.Min(layout.Patients, first + options.BatchPatients);
        var set = new ChangeSet { Source = Source };
        set.Nodes.Capacity = (end - first) * 16;
        set.Edges.Capacity = (end - first) * 16;
        for (var patient = first; patient < end; patient++)
        {
            var (dataset, number) = layout.Locate(patient);
            factory.Add(set, dataset, number);
        }

        return set;
    }

    private static ChangeSet CatalogueSet()
    {
        var set = Vocabulary.ReferenceData.AddTo(new ChangeSet { Source = Source }, _ => true);
        foreach (var repository in DemoRepositories.All)
        {
            set.Add(NodeRecord.Of(GraphModel.Repository, repository.Slug,
                ("name", repository.Name), ("country", repository.Country), ("institution", repository.Institution), ("kind", repository.Kind),
                ("baseUrl", repository.BaseUrl), ("contact", repository.Contact), ("description", repository.Description),
                ("viewerUrlTemplate", DemoRepositories.ViewerUrlTemplate)));
        }

        foreach (var dataset in DemoDatasets.All)
        {
            set.Add(NodeRecord.Of(GraphModel.Dataset, dataset.Slug,
                ("title", dataset.Title), ("description", dataset.Description), ("project", dataset.Project), ("licence", dataset.Licence),
                ("accessTier", dataset.AccessTier), ("doi", dataset.Doi), ("version", dataset.Version)));
            set.Add(EdgeRecord.Of(DemoRelations.Hosts, DemoRepositories.All[dataset.Repository].Slug, dataset.Slug));
            foreach (var cohort in dataset.Cohorts)
                set.Add(EdgeRecord.Of(DemoRelations.Covers, dataset.Slug, DemoCancerTypes.All[cohort.CancerType].Code));
        }

        DemoAlgorithms.AddTo(set);
        return set;
    }
}
