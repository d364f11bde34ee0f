using Graph.Domain;
using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Studies;

/// <summary>A study as all its instances read show it: the patient, description and age of its first-ranked instance, the earliest year.</summary>
internal sealed class StudyAggregate(string uid)
{
    private readonly Ranked<int?> _patientAge = new();
    private readonly Ranked<string> _description = new();
    private int? _year;

    /// <summary>The Study Instance UID.</summary>
    public string Uid => uid;

    /// <summary>What the study's instances lacked, all of them together.</summary>
    public InstanceWarnings Warnings { get; private set; }

    /// <summary>Records a warning found when the study is written (an annotation without a known source series).</summary>
    public void Warn(InstanceWarnings warning) => Warnings |= warning;

    /// <summary>The patient of the first-ranked instance.</summary>
    public Ranked<string> Patient { get; } = new();

    /// <summary>Adds an instance read from a file; returns true when it names another patient than the study's first instance.</summary>
    public bool Add(DeidentifiedInstance instance, string path)
    {
        var rank = InstanceRank.Of(instance, path);
        Warnings |= instance.Warnings;
        _patientAge.Offer(instance.PatientAge, rank);
        _description.Offer(instance.StudyDescription, rank);
        if (instance.StudyYear is { } year)
            _year = _year is { } known ? Math.Min(known, year) : year;
        return Patient.Offer(instance.Patient, rank);
    }

    /// <summary>Adds what another aggregate of the same study holds (another series' instances); returns true when it names another patient.</summary>
    public bool Merge(StudyAggregate other)
    {
        Warnings |= other.Warnings;
        _patientAge.Merge(other._patientAge);
        _description.Merge(other._description);
        if (other._year is { } year)
            _year = _year is { } known ? Math.Min(known, year) : year;
        return Patient.Merge(other.Patient);
    }

    /// <summary>The Study node, with the modalities of its series.</summary>
    public NodeRecord ToRecord(IEnumerable<string> modalities) => NodeRecord.Of(
        GraphModel.Study,
        uid,
        ("description", _description.Value),
        ("year", _year),
        ("patientAge", _patientAge.Value),
        ("modalitiesInStudy", modalities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()),
        ("status", "active"));
}
