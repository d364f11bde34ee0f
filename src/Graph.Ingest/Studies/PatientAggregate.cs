using Graph.Domain;
using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Studies;

/// <summary>A patient as all its instances read show it: the sex of the first-ranked instance that records one.</summary>
internal sealed class PatientAggregate(string pseudonym)
{
    private readonly Ranked<string> _sex = new();
    private bool _identityKnown;

    /// <summary>The pseudonym.</summary>
    public string Pseudonym => pseudonym;

    /// <summary>Whether a PatientID identified the patient.</summary>
    public bool IdentityKnown => _identityKnown;

    /// <summary>Adds an instance read from a file.</summary>
    public void Add(DeidentifiedInstance instance, string path)
    {
        _sex.Offer(instance.PatientSex, InstanceRank.Of(instance, path));
        _identityKnown |= instance.IdentityKnown;
    }

    /// <summary>Adds what another aggregate of the same patient holds (another series' instances).</summary>
    public void Merge(PatientAggregate other)
    {
        _sex.Merge(other._sex);
        _identityKnown |= other._identityKnown;
    }

    /// <summary>The Patient node.</summary>
    public NodeRecord ToRecord() => NodeRecord.Of(GraphModel.Patient, pseudonym, ("sex", _sex.Value), ("identityKnown", _identityKnown));
}
