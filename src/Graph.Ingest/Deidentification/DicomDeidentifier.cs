using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Graph.Dicom;

namespace Graph.Ingest.Deidentification;

/// <summary>Maps a DICOM data set (Part 10 or DICOM JSON) to the catalogue's fields only, de-identified after PS3.15 Annex E.</summary>
/// <remarks>
/// An allow-list: values are read only from the attributes of <see cref="AnnexEProfile.Allowed"/> (a read of any other
/// is a programming error and throws), the identifying ones only to recognise them in descriptions and pass-through
/// ids. The patient id becomes a keyed pseudonym, or passes through once checked; dates keep their year; the birth
/// date only yields the age; UIDs are kept or remapped. Thread-safe.
/// </remarks>
internal sealed partial class DicomDeidentifier
{
    private readonly PatientPseudonyms? _pseudonyms;
    private readonly UnknownPatients _unknown;
    private readonly UidRemapper? _uids;
    private readonly bool _retainCleanDescriptions;

    /// <summary>Creates a de-identifier; a key is needed unless ids pass through and UIDs are kept.</summary>
    /// <exception cref="DeidentificationException">A key is needed and none was given.</exception>
    public DicomDeidentifier(DeidentificationKey? key, bool passThroughIds, bool remapUids, bool retainCleanDescriptions = true)
    {
        if (key is null && (!passThroughIds || remapUids))
        {
            throw new DeidentificationException(
                "A de-identification secret is needed to " + (passThroughIds ? "remap UIDs" : "pseudonymise patient ids") + ", and none was given.");
        }

        _pseudonyms = passThroughIds ? null : new PatientPseudonyms(key!);
        _uids = remapUids ? new UidRemapper(key!) : null;
        _unknown = new UnknownPatients(key);
        _retainCleanDescriptions = retainCleanDescriptions;
    }

    /// <summary>Creates the de-identifier that options configure for a repository, resolving the key only when one is needed.</summary>
    /// <exception cref="DeidentificationException">A key is needed and none is configured, or it is unusable.</exception>
    public static DicomDeidentifier FromOptions(DeidentificationOptions options, string repository)
    {
        ArgumentNullException.ThrowIfNull(options);
        var passThrough = options.IsPassThrough(repository);
        var key = !passThrough || options.RemapUids ? DeidentificationKey.FromOptions(options) : null;
        return new DicomDeidentifier(key, passThrough, options.RemapUids, options.RetainCleanDescriptions);
    }

    /// <summary>The modality given to a series whose instances carry none: DICOM's defined term for Other.</summary>
    public const string UnknownModality = "OT";

    /// <summary>Whether the data set is a DICOMDIR (a media directory, not an instance).</summary>
    public static bool IsDirectory(DicomDataset dataset) =>
        new Allowed(dataset).Text(DicomTag.MediaStorageSOPClassUID) == "1.2.840.10008.1.3.10";

    /// <summary>De-identifies one instance.</summary>
    /// <exception cref="DeidentificationException">A UID that places the instance is missing, or a pass-through id is not safe.</exception>
    public DeidentifiedInstance Deidentify(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var a = new Allowed(dataset);
        var studyUid = Required(a.Text(DicomTag.StudyInstanceUID), DicomTag.StudyInstanceUID);
        var seriesUid = Required(a.Text(DicomTag.SeriesInstanceUID), DicomTag.SeriesInstanceUID);
        var sopUid = a.Text(DicomTag.SOPInstanceUID) ?? Required(a.Text(DicomTag.MediaStorageSOPInstanceUID), DicomTag.SOPInstanceUID);
        var warnings = InstanceWarnings.None;
        var cleaner = DescriptorCleaner.For(dataset);
        var modality = ModalityTerms.Accepted(a.Text(DicomTag.Modality), cleaner);
        if (modality is null)
        {
            // Type 1 in every IOD, yet absent from real exports, or free text where a defined term belongs (a name has
            // been seen there): the series is still placed, as Other.
            warnings |= InstanceWarnings.ModalityMissing;
            modality = UnknownModality;
        }

        var patientId = a.Text(DicomTag.PatientID);
        string patient;
        if (patientId is null)
        {
            // Type 2: present and empty is legal. One patient per study, never merged with another study's.
            warnings |= InstanceWarnings.PatientIdMissing;
            patient = _unknown.Create(a.Text(DicomTag.IssuerOfPatientID), studyUid);
        }
        else if (_pseudonyms is not null)
        {
            patient = _pseudonyms.Create(a.Text(DicomTag.IssuerOfPatientID), patientId);
        }
        else
        {
            if (PassThroughIds.Problem(patientId, cleaner.NameParts, cleaner.VisitValues) is { } problem)
                throw new DeidentificationException($"Patient id not passed through: {problem}.", DeidentificationProblem.UnsafePatientId, DicomTag.PatientID);
            patient = patientId;
        }

        var studyDate = a.Date(DicomTag.StudyDate);
        var seriesDate = a.Date(DicomTag.SeriesDate);
        var acquisitionDate = a.Date(DicomTag.AcquisitionDate) ?? a.Date(DicomTag.AcquisitionDateTime);
        var contentDate = a.Date(DicomTag.ContentDate);
        var studyDescription = _retainCleanDescriptions ? a.Text(DicomTag.StudyDescription) : null;
        var seriesDescription = _retainCleanDescriptions ? a.Text(DicomTag.SeriesDescription) : null;
        // Equipment and body part are free text too: an institution's or a patient's name turns up in them.
        var bodyPart = a.Text(DicomTag.BodyPartExamined);
        var manufacturer = a.Text(DicomTag.Manufacturer);
        var model = a.Text(DicomTag.ManufacturerModelName);
        var removed = 0;
        (studyDescription, removed) = Clean(cleaner, studyDescription, removed);
        (seriesDescription, removed) = Clean(cleaner, seriesDescription, removed);
        (bodyPart, removed) = Clean(cleaner, bodyPart, removed);
        (manufacturer, removed) = Clean(cleaner, manufacturer, removed);
        (model, removed) = Clean(cleaner, model, removed);
        var annotation = Annotation(a, _uids?.Remap(seriesUid) ?? seriesUid, cleaner, ref removed);
        var measures = a.PixelMeasures();
        return InstanceFit.Apply(new DeidentifiedInstance
        {
            Patient = patient,
            IdentityKnown = patientId is not null,
            Warnings = warnings,
            PatientSex = a.Text(DicomTag.PatientSex)?.ToUpperInvariant() switch { "F" => "F", "M" => "M", "O" => "O", _ => null },
            StudyInstanceUid = _uids?.Remap(studyUid) ?? studyUid,
            StudyYear = YearOnly.Year(studyDate, seriesDate, acquisitionDate, contentDate),
            PatientAge = Age(a, studyDate ?? seriesDate ?? acquisitionDate ?? contentDate),
            StudyDescription = studyDescription,
            SeriesInstanceUid = _uids?.Remap(seriesUid) ?? seriesUid,
            InstanceKey = Digest(sopUid),
            InstanceNumber = a.Int(DicomTag.InstanceNumber),
            Modality = modality,
            BodyPart = bodyPart,
            Manufacturer = manufacturer,
            Model = model,
            SeriesDescription = seriesDescription,
            SeriesNumber = a.Int(DicomTag.SeriesNumber),
            SliceThickness = a.Double(DicomTag.SliceThickness) ?? measures?.GetDouble(DicomTag.SliceThickness),
            PixelSpacing = a.Double(DicomTag.PixelSpacing) ?? measures?.GetDouble(DicomTag.PixelSpacing),
            Contrast = a.Contains(DicomTag.ContrastBolusAgent) ? !string.IsNullOrWhiteSpace(a.Text(DicomTag.ContrastBolusAgent)) : null,
            MagneticFieldStrength = a.Double(DicomTag.MagneticFieldStrength),
            Kvp = a.Double(DicomTag.KVP),
            SeriesYear = YearOnly.Year(seriesDate, acquisitionDate, contentDate, studyDate),
            DescriptionsRemoved = removed,
            Annotation = annotation,
        });
    }

    private static int? Age(Allowed a, DateOnly? at)
    {
        if (a.Age(DicomTag.PatientAge) is { } age)
            return YearOnly.Years(age);
        return a.Date(DicomTag.PatientBirthDate) is { } birth && at is { } date ? YearOnly.AgeAt(birth, date) : null;
    }

    private static (string? Description, int Removed) Clean(DescriptorCleaner cleaner, string? description, int removed)
    {
        var clean = cleaner.Clean(description);
        return (clean, removed + (clean is null && !string.IsNullOrWhiteSpace(description) ? 1 : 0));
    }

    private static string Required(string? value, DicomTag tag) =>
        value ?? throw new DeidentificationException($"{tag.Keyword} {tag} is missing or empty.", DeidentificationProblem.MissingAttribute, tag);

    private static UInt128 Digest(string uid)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(uid), hash);
        return new UInt128(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
    }

    /// <summary>Reads a data set through the allow-list.</summary>
    private readonly struct Allowed(DicomDataset dataset)
    {
        public bool Contains(DicomTag tag) => dataset.Contains(Check(tag));

        public string? Text(DicomTag tag) => dataset.GetString(Check(tag)) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

        public int? Int(DicomTag tag) => dataset.GetInt(Check(tag));

        public double? Double(DicomTag tag) => dataset.GetDouble(Check(tag));

        public DateOnly? Date(DicomTag tag) => dataset.GetDate(Check(tag));

        public DicomAge? Age(DicomTag tag) => dataset.GetAge(Check(tag));

        /// <summary>The items of a sequence, each read through the allow-list too.</summary>
        public IEnumerable<Allowed> Items(DicomTag tag) => dataset.GetSequence(Check(tag)).Select(item => new Allowed(item));

        /// <summary>The Pixel Measures item of an enhanced multi-frame image's shared functional groups, if any.</summary>
        public DicomDataset? PixelMeasures()
        {
            var shared = dataset.GetSequence(Check(DicomTag.SharedFunctionalGroupsSequence));
            if (shared.Count == 0)
                return null;
            var measures = shared[0].GetSequence(Check(DicomTag.PixelMeasuresSequence));
            return measures.Count > 0 ? measures[0] : null;
        }

        private static DicomTag Check(DicomTag tag) => AnnexEProfile.Allowed.Contains(tag)
            ? tag
            : throw new InvalidOperationException($"{tag} {tag.Keyword} is not on the de-identification allow-list.");
    }
}
