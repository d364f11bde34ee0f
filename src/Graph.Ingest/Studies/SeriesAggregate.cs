using Graph.Domain;
using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Studies;

/// <summary>A series as all its instances read show it: counts over its distinct instances, fields from its first-ranked instance.</summary>
/// <remarks>
/// Image count and size are computed from every instance read, and every other field from the first-ranked
/// instance that has a value (the year is the earliest, contrast is true if any instance names an agent), so reading
/// the same instances again, in any order, gives the same node.
/// </remarks>
internal sealed class SeriesAggregate(string uid)
{
    private readonly Dictionary<UInt128, long> _instanceSizes = [];
    private readonly List<string> _paths = [];
    private readonly Ranked<string> _modality = new();
    private readonly Ranked<string> _bodyPart = new();
    private readonly Ranked<string> _manufacturer = new();
    private readonly Ranked<string> _model = new();
    private readonly Ranked<string> _description = new();
    private readonly Ranked<int?> _seriesNumber = new();
    private readonly Ranked<double?> _sliceThickness = new();
    private readonly Ranked<double?> _pixelSpacing = new();
    private readonly Ranked<double?> _magneticFieldStrength = new();
    private readonly Ranked<double?> _kvp = new();
    private int? _year;
    private bool? _contrast;
    private long _sizeBytes;

    /// <summary>The Series Instance UID.</summary>
    public string Uid => uid;

    /// <summary>The study of the first-ranked instance.</summary>
    public Ranked<string> Study { get; } = new();

    /// <summary>The rank of the first-ranked instance.</summary>
    public InstanceRank First { get; private set; }

    /// <summary>The path of the first-ranked instance, to name the series in a reject.</summary>
    public Ranked<string> Path { get; } = new();

    /// <summary>The modality.</summary>
    public string? Modality => _modality.Value;

    /// <summary>Accepted files of the series, duplicates included.</summary>
    public int Files => _paths.Count;

    /// <summary>The paths of the accepted files, to name each in a reject.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>Distinct SOP instances.</summary>
    public int ImageCount => _instanceSizes.Count;

    /// <summary>Adds an instance read from a file of a size; returns true when it names another study than the series' first instance.</summary>
    public bool Add(DeidentifiedInstance instance, long size, string path)
    {
        var rank = InstanceRank.Of(instance, path);
        if (_paths.Count == 0 || rank.CompareTo(First) < 0)
            First = rank;
        _paths.Add(path);
        ref var stored = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_instanceSizes, instance.InstanceKey, out var seen);
        // A copy of an instance counts once, with its largest file, whichever copy comes first.
        var kept = seen ? Math.Max(stored, size) : size;
        _sizeBytes += kept - (seen ? stored : 0);
        stored = kept;

        _modality.Offer(instance.Modality, rank);
        _bodyPart.Offer(instance.BodyPart, rank);
        _manufacturer.Offer(instance.Manufacturer, rank);
        _model.Offer(instance.Model, rank);
        _description.Offer(instance.SeriesDescription, rank);
        _seriesNumber.Offer(instance.SeriesNumber, rank);
        _sliceThickness.Offer(instance.SliceThickness, rank);
        _pixelSpacing.Offer(instance.PixelSpacing, rank);
        _magneticFieldStrength.Offer(instance.MagneticFieldStrength, rank);
        _kvp.Offer(instance.Kvp, rank);
        Path.Offer(path, rank);
        if (instance.SeriesYear is { } year)
            _year = _year is { } known ? Math.Min(known, year) : year;
        if (instance.Contrast is { } contrast)
            _contrast = _contrast is true || contrast;
        return Study.Offer(instance.StudyInstanceUid, rank);
    }

    /// <summary>The Series node; with the counts the catalogue holds, the larger of those and this run's.</summary>
    /// <remarks>The catalogue does not keep which instances it counted, so a run cannot tell a new instance from one counted
    /// before: taking the larger count keeps a re-run (of the same files, or of a part of them) from changing or doubling it.</remarks>
    public NodeRecord ToRecord((long Images, long Bytes)? held = null) => NodeRecord.Of(
        GraphModel.Series,
        uid,
        ("modality", _modality.Value),
        ("bodyPart", _bodyPart.Value),
        ("manufacturer", _manufacturer.Value),
        ("model", _model.Value),
        ("description", _description.Value),
        ("seriesNumber", _seriesNumber.Value),
        ("sliceThickness", _sliceThickness.Value),
        ("pixelSpacing", _pixelSpacing.Value),
        ("imageCount", Math.Max(ImageCount, held?.Images ?? 0)),
        ("sizeBytes", Math.Max(_sizeBytes, held?.Bytes ?? 0)),
        ("contrast", _contrast),
        ("magneticFieldStrength", _magneticFieldStrength.Value),
        ("kvp", _kvp.Value),
        ("year", _year));
}
