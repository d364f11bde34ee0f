namespace Graph.Ingest.Demo;

/// <summary>How the patients of a catalogue are shared among the datasets, in proportion to their launch sizes.</summary>
/// <remarks>Patients are numbered dataset after dataset; the patient at an index is the same whatever the batch size.</remarks>
internal sealed class DemoLayout
{
    private readonly int[] _starts;

    /// <summary>Shares the patients by largest remainder, so the counts add up exactly.</summary>
    public DemoLayout(int patients)
    {
        var datasets = DemoDatasets.All;
        var total = DemoDatasets.LaunchPatients;
        Counts = new int[datasets.Length];
        var remainders = new long[datasets.Length];
        var given = 0;
        for (var i = 0; i < datasets.Length; i++)
        {
            var share = (long)datasets[i].LaunchPatients * patients;
            Counts[i] = (int)(share / total);
            remainders[i] = share % total;
            given += Counts[i];
        }

        var order = Enumerable.Range(0, datasets.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var i = 0; given < patients; i++, given++)
            Counts[order[i]]++;

        _starts = new int[datasets.Length + 1];
        for (var i = 0; i < datasets.Length; i++)
            _starts[i + 1] = _starts[i] + Counts[i];
        Patients = patients;
    }

    /// <summary>The number of patients of each dataset.</summary>
    public int[] Counts { get; }

    /// <summary>The number of patients of the catalogue.</summary>
    public int Patients { get; }

    /// <summary>Finds the dataset of the patient at an index and the patient's number there, from 1.</summary>
    public (int Dataset, int Number) Locate(int index)
    {
        var dataset = 0;
        while (_starts[dataset + 1] <= index)
            dataset++;
        return (dataset, index - _starts[dataset] + 1);
    }
}
