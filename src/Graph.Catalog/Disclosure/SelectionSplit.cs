using Graph.Catalog.Querying;
using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>A selection of patients and series split into what a caller may read and what it may not, at every level and in bytes.</summary>
/// <param name="Patients">Patients selected.</param>
/// <param name="Studies">Studies that hold selected series; their unreadable owners are the patients of the unreadable series.</param>
/// <param name="Series">Series selected.</param>
/// <param name="ReadableBytes">The size of the readable series.</param>
/// <param name="UnreadableBytes">The size of the unreadable series.</param>
/// <param name="SeriesPerPatient">Unreadable series per patient who owns one (1 when none), the weight of a series count's noise.</param>
/// <param name="UnreadableHash">The hash of the unreadable patients, which seeds the summary's noise.</param>
internal sealed record SelectionSplit(
    SplitCount Patients, SplitCount Studies, SplitCount Series, long ReadableBytes, long UnreadableBytes, double SeriesPerPatient, SetHash UnreadableHash)
{
    private static readonly RelationField SeriesPatient = RelationField.Find(GraphModel.Series, "patient")!;
    private static readonly RelationField SeriesStudy = RelationField.Find(GraphModel.Series, "study")!;

    /// <summary>Splits the selected patients and series by what the catalogue lets its caller read.</summary>
    public static SelectionSplit Of(ProtectedCatalog catalog, Bitset patients, Bitset selectedSeries)
    {
        var snapshot = catalog.Full;
        var readablePatients = patients.Clone().And(catalog.ReadableSet(GraphModel.Patient));
        var unreadablePatients = patients.Clone().AndNot(readablePatients);
        var readableSeries = catalog.ReadableSet(GraphModel.Series);
        var patientOf = FieldPath.SingleMap(snapshot, GraphModel.Series, [SeriesPatient]);
        var studyOf = FieldPath.SingleMap(snapshot, GraphModel.Series, [SeriesStudy]);
        var size = (NumberColumn)snapshot.Table(GraphModel.Series).Column("sizeBytes")!;
        var seriesOwners = new Bitset(snapshot.Table(GraphModel.Patient).Count);
        var readableStudies = new Bitset(snapshot.Table(GraphModel.Study).Count);
        var unreadableStudies = new Bitset(readableStudies.Length);
        long readableSeriesCount = 0, unreadableSeriesCount = 0, readableBytes = 0, unreadableBytes = 0;
        foreach (var series in selectedSeries)
        {
            var bytes = size.Value(series);
            var add = double.IsNaN(bytes) ? 0 : (long)bytes;
            var study = studyOf[series];
            if (readableSeries[series])
            {
                readableSeriesCount++;
                readableBytes += add;
                if (study >= 0)
                    readableStudies.Add(study);
            }
            else
            {
                unreadableSeriesCount++;
                unreadableBytes += add;
                if (study >= 0)
                    unreadableStudies.Add(study);
                if (patientOf[series] >= 0)
                    seriesOwners.Add(patientOf[series]);
            }
        }

        var unreadable = unreadablePatients.Count();
        var owners = seriesOwners.Count();
        return new SelectionSplit(
            new SplitCount(readablePatients.Count(), unreadable, unreadable),
            new SplitCount(readableStudies.Count(), unreadableStudies.Count(), owners),
            new SplitCount(readableSeriesCount, unreadableSeriesCount, owners),
            readableBytes,
            unreadableBytes,
            owners == 0 ? 1 : unreadableSeriesCount / (double)owners,
            KeyHashes.Of(snapshot.Table(GraphModel.Patient)).Hash(unreadablePatients));
    }
}
