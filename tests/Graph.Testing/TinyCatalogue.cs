using System.Globalization;

namespace Graph.Testing;

/// <summary>A synthetic source: patients with studies of series of tiny instances, uploaded to Orthanc a few requests at a time.</summary>
public sealed class TinyCatalogue
{
    private readonly List<TinyInstance> _instances = [];

    /// <summary>Every instance.</summary>
    public IReadOnlyList<TinyInstance> Instances => _instances;

    /// <summary>The distinct Study Instance UIDs, in creation order.</summary>
    public IReadOnlyList<string> Studies => _instances.Select(i => i.StudyInstanceUid).Distinct().ToArray();

    /// <summary>The distinct Series Instance UIDs, in creation order.</summary>
    public IReadOnlyList<string> Series => _instances.Select(i => i.SeriesInstanceUid).Distinct().ToArray();

    /// <summary>A catalogue of patients, each with studies of series of instances; patient names and ids are "Tinyname^N" and "TINY-N".</summary>
    public static TinyCatalogue Create(int patients, int studiesPerPatient, int seriesPerStudy, int instancesPerSeries)
    {
        var catalogue = new TinyCatalogue();
        for (var p = 0; p < patients; p++)
        {
            for (var s = 0; s < studiesPerPatient; s++)
            {
                var study = TinyDicom.NewUid();
                for (var r = 0; r < seriesPerStudy; r++)
                {
                    var series = TinyDicom.NewUid();
                    for (var i = 0; i < instancesPerSeries; i++)
                    {
                        catalogue._instances.Add(new TinyInstance
                        {
                            PatientId = "TINY-" + p.ToString(CultureInfo.InvariantCulture),
                            PatientName = "Tinyname^Patient" + p.ToString(CultureInfo.InvariantCulture),
                            PatientSex = p % 2 == 0 ? "F" : "M",
                            StudyInstanceUid = study,
                            SeriesInstanceUid = series,
                            Modality = r % 2 == 0 ? "CT" : "MR",
                            StudyDate = (2015 + s).ToString(CultureInfo.InvariantCulture) + "0607",
                            SeriesNumber = r + 1,
                            InstanceNumber = i + 1,
                        });
                    }
                }
            }
        }

        return catalogue;
    }

    /// <summary>Uploads every instance, a few requests at a time.</summary>
    public Task UploadAsync(OrthancServer orthanc, int concurrency = 4, CancellationToken cancellationToken = default) =>
        Parallel.ForEachAsync(
            _instances,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (instance, token) => await orthanc.UploadAsync(TinyDicom.Instance(instance), token));
}
