using Graph.Harvest.Tests.Support;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Harvest;
using Graph.Testing;

namespace Graph.Harvest.Tests;

/// <summary>Studies whose PatientID is empty (Type 2: legal, and common in real exports), served by a real Orthanc.</summary>
public sealed class UnknownPatientHarvestTests
{
    [Fact]
    public async Task Harvest_EmptyPatientIds_EachStudyItsOwnUnknownPatient_StableAcrossReharvests()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        var empty1 = Study("", "Nobody^Known");
        var empty2 = Study("", "Nobody^Known");
        var known = Study("KNOWN-PATIENT-7", "Somebody^Known");
        foreach (var instance in new[] { empty1, empty2, known })
            await orthanc.UploadAsync(TinyDicom.Instance(instance));
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);

        var first = await scenario.HarvestAsync();
        var content = await scenario.ReadAsync();
        var again = await scenario.HarvestAsync(scenario.Options(full: true));
        var reharvested = await scenario.ReadAsync();
        await using var elsewhere = await HarvestScenario.CreateAsync(orthanc);
        await elsewhere.HarvestAsync();
        var fresh = await elsewhere.ReadAsync();

        // Accepted with a warning, so the run succeeded (exit 0 for the command).
        Assert.Equal((HarvestStatus.Succeeded, 3, 3, 0), (first.Status, first.StudiesSeen, first.StudiesWritten, first.Errors));
        Assert.Equal((2, 2), (first.StudiesWithWarnings, first.Warnings[InstanceWarnings.PatientIdMissing]));
        var patientOf = content.EdgesOf("HAS_STUDY").ToDictionary(e => e.To.Key, e => e.From.Key);
        Assert.Equal(3, patientOf.Values.Distinct().Count());
        foreach (var study in new[] { empty1, empty2 })
            Assert.Equal(false, content.Node("Patient", patientOf[study.StudyInstanceUid])["identityKnown"]);
        Assert.Equal(true, content.Node("Patient", patientOf[known.StudyInstanceUid])["identityKnown"]);
        // The same pseudonyms on a full re-harvest (nothing changes) and in another store harvested with the same secret.
        Assert.Equal((HarvestStatus.Succeeded, 3), (again.Status, again.StudiesWritten));
        Assert.Equal(patientOf, reharvested.EdgesOf("HAS_STUDY").ToDictionary(e => e.To.Key, e => e.From.Key));
        Assert.Equal(3, reharvested.Nodes("Patient").Count);
        Assert.Equal(patientOf, fresh.EdgesOf("HAS_STUDY").ToDictionary(e => e.To.Key, e => e.From.Key));
    }

    private static TinyInstance Study(string patientId, string name)
    {
        var study = TinyDicom.NewUid();
        return new TinyInstance { PatientId = patientId, PatientName = name, StudyInstanceUid = study, SeriesInstanceUid = TinyDicom.NewUid() };
    }
}
