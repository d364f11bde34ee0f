using System.Text.RegularExpressions;
using Graph.Domain;

namespace Graph.Ingest.Tests.Demo;

[Collection(LaunchCatalogue.Collection)]
public sealed partial class DemoDistributionTests(LaunchCatalogue launch)
{
    private IEnumerable<NodeRecord> AllSeries => launch.Scan.SeriesByType.Values.SelectMany(s => s);

    [Fact]
    public void Prostate_Patients_AreAllMale()
    {
        Assert.All(launch.Scan.PatientsByType["prostate"], p => Assert.Equal("M", p["sex"]));
    }

    [Fact]
    public void Breast_Patients_AreMostlyFemale()
    {
        Assert.InRange(Share(launch.Scan.PatientsByType["breast"], p => (string?)p["sex"] == "F"), 0.97, 1.0);
    }

    [Fact]
    public void Glioblastoma_Patients_AreSlightlyMoreOftenMale()
    {
        Assert.InRange(Share(launch.Scan.PatientsByType["glioblastoma"], p => (string?)p["sex"] == "M"), 0.52, 0.7);
    }

    [Fact]
    public void Neuroblastoma_Patients_AreChildrenMostlyUnderFive()
    {
        var patients = launch.Scan.PatientsByType["neuroblastoma"];

        Assert.All(patients, p => Assert.InRange((long)p["ageAtDiagnosis"]!, 0, 17));
        Assert.InRange(Share(patients, p => (long)p["ageAtDiagnosis"]! < 5), 0.7, 1.0);
    }

    [Theory]
    [InlineData("glioma")]
    [InlineData("glioblastoma")]
    public void BrainTumour_Series_AreAllMr(string cancerType)
    {
        Assert.All(launch.Scan.SeriesByType[cancerType], s => Assert.Equal("MR", s["modality"]));
    }

    [Fact]
    public void Lung_Series_AreMostlyCt()
    {
        Assert.InRange(Share(launch.Scan.SeriesByType["lung"], s => (string?)s["modality"] == "CT"), 0.75, 1.0);
    }

    [Fact]
    public void Prostate_Series_AreMostlyMr()
    {
        Assert.InRange(Share(launch.Scan.SeriesByType["prostate"], s => (string?)s["modality"] == "MR"), 0.9, 1.0);
    }

    [Fact]
    public void Breast_Series_IncludeMammographyUltrasoundAndMr()
    {
        var modalities = launch.Scan.SeriesByType["breast"].Select(s => (string)s["modality"]!).ToHashSet();

        Assert.Subset(modalities, new HashSet<string> { "MG", "US", "MR" });
    }

    [Fact]
    public void Series_ByModality_HaveRealisticHeaderValues()
    {
        foreach (var series in AllSeries)
        {
            var images = (long)series["imageCount"]!;
            var thickness = (double?)series["sliceThickness"];
            var bytesPerImage = (long)series["sizeBytes"]! / images;
            switch ((string)series["modality"]!)
            {
                case "CT":
                    Assert.InRange(images, 100, 600);
                    Assert.InRange(thickness ?? 1, 0.625, 5);
                    Assert.InRange(bytesPerImage, 512 * 512 * 2, (512 * 512 * 2) + 6000);
                    Assert.InRange((double?)series["kvp"] ?? 120, 70, 140);
                    break;
                case "MR":
                    Assert.InRange(images, 20, 200);
                    Assert.InRange(thickness ?? 1, 1, 6);
                    Assert.Contains((double?)series["magneticFieldStrength"] ?? 3, new[] { 1.5, 3 });
                    Assert.Null(series["kvp"]);
                    break;
                case "MG":
                    Assert.InRange(images, 1, 4);
                    Assert.Null(thickness);
                    Assert.InRange(bytesPerImage, 10_000_000, 60_000_000);
                    Assert.InRange((double?)series["kvp"] ?? 28, 24, 35);
                    break;
            }
        }
    }

    [Fact]
    public void Series_OptionalFields_AreSometimesMissing()
    {
        var series = AllSeries.ToList();

        Assert.InRange(Share(series, s => s["bodyPart"] is not null), 0.9, 0.99);
        Assert.InRange(Share(series, s => s["manufacturer"] is not null), 0.97, 0.999);
        Assert.Equal(1.0, Share(series, s => s["modality"] is not null));
    }

    [Fact]
    public void Studies_ModalitiesInStudy_AreTheModalitiesOfTheirSeries()
    {
        Assert.All(launch.Scan.Studies, study =>
        {
            Assert.Equal(study.SeriesModalities.Order(), ((string[])study.Study["modalitiesInStudy"]!).Order());
            Assert.InRange((long)study.Study["year"]!, 2008, 2024);
        });
    }

    [Fact]
    public void Uids_OfStudiesAndSeries_AreValidDicomUidsAndUnique()
    {
        var uids = AllSeries.Select(s => s.Key).Concat(launch.Scan.Studies.Select(s => s.Study.Key)).ToList();

        Assert.All(uids, uid => Assert.Matches(DicomUid(), uid));
        Assert.True(uids.Max(u => u.Length) <= 64);
        Assert.Equal(uids.Count, uids.ToHashSet(StringComparer.Ordinal).Count);
    }

    [Fact]
    public void Patients_Pseudonyms_AreMarkedSynthetic()
    {
        Assert.All(launch.Scan.PatientsByType.Values.SelectMany(p => p), p => Assert.Matches(Pseudonym(), p.Key));
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        (double)items.Count(predicate) / items.Count;

    // The 2.25 root, then a UUID as a decimal number without leading zeros.
    [GeneratedRegex(@"^2\.25\.[1-9][0-9]{0,38}$")]
    private static partial Regex DicomUid();

    [GeneratedRegex("^SYN-[A-Z]{3}[0-9]{2}-[0-9]{6}$")]
    private static partial Regex Pseudonym();
}
