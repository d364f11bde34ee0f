using Graph.Store;

namespace Graph.Ingest.Demo;

/// <summary>Nodes of a catalogue by kind, counted over ChangeSets.</summary>
public sealed record CatalogueCounts
{
    /// <summary>Cancer types.</summary>
    public int CancerTypes { get; init; }

    /// <summary>Repositories.</summary>
    public int Repositories { get; init; }

    /// <summary>Datasets.</summary>
    public int Datasets { get; init; }

    /// <summary>Patients.</summary>
    public int Patients { get; init; }

    /// <summary>Diagnoses.</summary>
    public int Diagnoses { get; init; }

    /// <summary>Studies.</summary>
    public int Studies { get; init; }

    /// <summary>Series.</summary>
    public long Series { get; init; }

    /// <summary>Adds the nodes of a ChangeSet to the counts.</summary>
    public CatalogueCounts Add(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        int cancerTypes = 0, repositories = 0, datasets = 0, patients = 0, diagnoses = 0, studies = 0, series = 0;
        foreach (var node in changes.Nodes)
        {
            switch (node.Label)
            {
                case "Series": series++; break;
                case "Study": studies++; break;
                case "Diagnosis": diagnoses++; break;
                case "Patient": patients++; break;
                case "Dataset": datasets++; break;
                case "Repository": repositories++; break;
                case "CancerType": cancerTypes++; break;
            }
        }

        return new CatalogueCounts
        {
            CancerTypes = CancerTypes + cancerTypes,
            Repositories = Repositories + repositories,
            Datasets = Datasets + datasets,
            Patients = Patients + patients,
            Diagnoses = Diagnoses + diagnoses,
            Studies = Studies + studies,
            Series = Series + series,
        };
    }
}
