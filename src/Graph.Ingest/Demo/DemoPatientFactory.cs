using System.Globalization;
using Graph.Domain;
using Graph.Store;
using static Graph.Ingest.Demo.DemoCancerTypes;

namespace Graph.Ingest.Demo;

/// <summary>Creates whole patients: the patient, its diagnoses, studies and series, and their relationships.</summary>
/// <remarks>
/// A patient's records follow only from the seed, its dataset and its number there: each patient draws from a random
/// source of its own. An instance reuses buffers, so it is not thread-safe; use one per thread.
/// </remarks>
internal sealed class DemoPatientFactory
{
    private const int LastYear = 2024;
    private static readonly Choice<int> YearsToNextStudy = new((0, 25), (1, 55), (2, 20));
    private static readonly Choice<int> NeuroblastomaAge = new((0, 30), (1, 20), (2, 15), (3, 11), (4, 8), (5, 5), (6, 4), (7, 3), (8, 2), (9, 1), (10, 1));
    private static readonly Choice<string> VitalStatus = new(("known", 71), ("unknown", 4), ("absent", 25));

    private static readonly RelationKind DiagnosisCodedAs = GraphModel.Relation("CODED_AS", "Diagnosis", "Concept")!;

    private readonly int _seed;
    private readonly Scanner[][][] _fleets;
    private readonly Scanner?[] _studyScanners = new Scanner?[Enum.GetValues<Device>().Length];
    private readonly string[] _modalities = new string[8];

    /// <summary>Creates the factory for a catalogue seed.</summary>
    public DemoPatientFactory(int seed)
    {
        _seed = seed;
        _fleets = new Scanner[DemoRepositories.All.Length][][];
        for (var i = 0; i < _fleets.Length; i++)
            _fleets[i] = DemoScanners.FleetOf(seed, i);
    }

    /// <summary>Adds a patient of a dataset, by its number there from 1, to a ChangeSet.</summary>
    public void Add(ChangeSet set, int datasetIndex, int number)
    {
        var dataset = DemoDatasets.All[datasetIndex];
        var identity = DemoUids.Patient(_seed, datasetIndex, number);
        var random = new Random((int)(identity & 0x7FFFFFFF));
        var pseudonym = string.Create(CultureInfo.InvariantCulture, $"SYN-{dataset.Code}-{number:D6}");
        var cohort = PickCohort(dataset, random);
        var typeIndex = cohort.CancerType;
        var type = All[typeIndex];
        var child = dataset.Paediatric || typeIndex == Neuroblastoma;

        var age = typeIndex == Neuroblastoma ? NeuroblastomaAge.Draw(random)
            : child ? random.NormalInt(9, 4.5, 1, 17)
            : random.NormalInt(type.AgeMean, type.AgeDeviation, type.AgeMin, type.AgeMax);
        var year = random.Between(2008, 2023);
        var patient = new PropertyBag<PatientField>();
        patient[PatientField.Sex] = SexOf(typeIndex, type, random);
        patient[PatientField.AgeAtDiagnosis] = Boxes.Long(age);
        patient[PatientField.VitalStatus] = VitalStatus.Draw(random) switch
        {
            "known" => random.Chance(type.DeceasedShare) ? "deceased" : "alive",
            "unknown" => "unknown",
            _ => null,
        };

        set.Add(new NodeRecord(GraphModel.Patient.Label, pseudonym, patient));
        set.Add(EdgeRecord.Of(DemoRelations.Includes, dataset.Slug, pseudonym));

        AddDiagnosis(set, pseudonym, 1, typeIndex, child, age, year, random);
        if (random.Chance(0.04) && SecondTypeOf(typeIndex, dataset, random) is var second and >= 0)
        {
            var later = Math.Min(LastYear, year + random.Between(1, 5));
            AddDiagnosis(set, pseudonym, 2, second, child, age + later - year, later, random);
        }

        var studyYear = year;
        var studies = cohort.Mix.StudiesPerPatient.Draw(random);
        for (var study = 1; study <= studies; study++)
        {
            if (study > 1)
                studyYear = Math.Min(LastYear, studyYear + YearsToNextStudy.Draw(random));
            AddStudy(set, dataset, cohort.Mix, pseudonym, identity, study, studyYear, age + studyYear - year, child, random);
        }
    }

    private static void AddDiagnosis(ChangeSet set, string pseudonym, int number, int type, bool child, int age, int year, Random random)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{pseudonym}/{number}");
        var diagnosis = DemoDiagnoses.Create(type, child, age, year, random);
        set.Add(new NodeRecord(GraphModel.Diagnosis.Label, key, diagnosis));
        foreach (var curie in Vocabulary.SeedVocabulary.CodedAs(("ICD10", diagnosis.GetValueOrDefault("icd10")), ("ICDO3", diagnosis.GetValueOrDefault("icdO3Morphology"))))
            set.Add(EdgeRecord.Of(DiagnosisCodedAs, key, curie));
        set.Add(EdgeRecord.Of(DemoRelations.HasDiagnosis, pseudonym, key));
        set.Add(EdgeRecord.Of(DemoRelations.OfType, key, All[type].Code));
    }

    private void AddStudy(ChangeSet set, DemoDataset dataset, StudyMix mix, string pseudonym, ulong identity, int number, int year, int age, bool child, Random random)
    {
        var template = mix.Studies.Length == 1 ? mix.Studies[0] : mix.Studies[random.PickWeighted(mix.Weights)];
        var studyUid = DemoUids.Study(identity, number);
        var fleet = _fleets[dataset.Repository];
        Array.Clear(_studyScanners);
        var modalityCount = 0;
        var seriesNumber = 0;
        foreach (var series in template.Series)
        {
            if (series.Probability < 1 && !random.Chance(series.Probability))
                continue;
            var device = (int)series.Device;
            var scanner = _studyScanners[device] ??= random.Pick(fleet[device]);
            seriesNumber++;
            var seriesUid = DemoUids.Series(identity, number, seriesNumber);
            set.Add(new NodeRecord(GraphModel.Series.Label, seriesUid, DemoSeries.Create(series, scanner, seriesNumber, year, child, random)));
            set.Add(EdgeRecord.Of(DemoRelations.HasSeries, studyUid, seriesUid));
            if (Array.IndexOf(_modalities, series.Modality, 0, modalityCount) < 0)
                _modalities[modalityCount++] = series.Modality;
        }

        var study = new PropertyBag<StudyField>();
        if (random.Chance(0.98))
            study[StudyField.Description] = random.Pick(template.Descriptions);
        study[StudyField.Year] = Boxes.Long(year);
        study[StudyField.PatientAge] = Boxes.Long(age);
        study[StudyField.ModalitiesInStudy] = _modalities.AsSpan(0, modalityCount).ToArray();
        set.Add(new NodeRecord(GraphModel.Study.Label, studyUid, study));
        set.Add(EdgeRecord.Of(DemoRelations.HasStudy, pseudonym, studyUid));
    }

    private static DemoCohort PickCohort(DemoDataset dataset, Random random)
    {
        if (dataset.Cohorts.Length == 1)
            return dataset.Cohorts[0];
        var total = 0.0;
        foreach (var cohort in dataset.Cohorts)
            total += cohort.Weight;
        var draw = random.NextDouble() * total;
        foreach (var cohort in dataset.Cohorts)
        {
            draw -= cohort.Weight;
            if (draw < 0)
                return cohort;
        }

        return dataset.Cohorts[^1];
    }

    private static string SexOf(int typeIndex, DemoCancerType type, Random random) => typeIndex switch
    {
        Prostate => "M",
        Breast => random.Chance(type.FemaleShare) ? "F" : "M",
        _ when random.Chance(0.003) => "U",
        _ => random.Chance(type.FemaleShare) ? "F" : "M",
    };

    // A second primary or a progression, of a type the dataset covers.
    private static int SecondTypeOf(int type, DemoDataset dataset, Random random)
    {
        var candidate = type switch
        {
            Colon when random.Chance(0.3) => Rectum,
            Rectum when random.Chance(0.3) => Colon,
            Glioma => Glioblastoma,
            Breast or Lung or Liver or Colon or Rectum => type,
            _ => -1,
        };
        if (candidate < 0)
            return -1;
        foreach (var cohort in dataset.Cohorts)
        {
            if (cohort.CancerType == candidate)
                return candidate;
        }

        return candidate != type && type is Colon or Rectum ? type : -1;
    }
}
