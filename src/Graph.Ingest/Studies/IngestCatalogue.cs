using Graph.Domain;
using Graph.Ingest.Deidentification;
using Graph.Store;

namespace Graph.Ingest.Studies;

/// <summary>The instances read (a folder's files, a harvested study) grouped into series, studies and patients, as they are read (thread-safe).</summary>
internal sealed class IngestCatalogue
{
    private static readonly RelationKind Includes = GraphModel.Relation("INCLUDES", GraphModel.Dataset.Label, GraphModel.Patient.Label)!;
    private static readonly RelationKind HasStudy = GraphModel.Relation("HAS_STUDY", GraphModel.Patient.Label, GraphModel.Study.Label)!;
    private static readonly RelationKind HasSeries = GraphModel.Relation("HAS_SERIES", GraphModel.Study.Label, GraphModel.Series.Label)!;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Series, string Study, string Patient), Part> _parts = [];
    private readonly HashSet<string> _seriesUids = new(StringComparer.Ordinal);
    private readonly List<(string Path, string Reason)> _rejects = [];
    private List<Part>? _accepted;
    private int _conflicts;

    /// <summary>Distinct series so far.</summary>
    public int SeriesCount
    {
        get
        {
            lock (_gate)
                return _seriesUids.Count;
        }
    }

    /// <summary>Files <see cref="Plan"/> refused because they disagreed with the other files of their series on the study, or
    /// of their study on the patient.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>Descriptions dropped as not clean, in the files planned to be written.</summary>
    public int DescriptionsRemoved
    {
        get
        {
            lock (_gate)
                return Planned.Sum(p => p.DescriptionsRemoved);
        }
    }

    /// <summary>Files planned to be written by what they lacked (a file can count under several warnings).</summary>
    public IReadOnlyDictionary<InstanceWarnings, int> Warnings
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<InstanceWarnings, int>
                {
                    [InstanceWarnings.PatientIdMissing] = Planned.Sum(p => p.PatientIdMissing),
                    [InstanceWarnings.ModalityMissing] = Planned.Sum(p => p.ModalityMissing),
                    [InstanceWarnings.ValueDropped] = Planned.Sum(p => p.ValueDropped),
                };
            }
        }
    }

    /// <summary>Distinct SOP instances planned to be written.</summary>
    public int Instances
    {
        get
        {
            lock (_gate)
                return Planned.Sum(p => p.Series.ImageCount);
        }
    }

    /// <summary>The files <see cref="Plan"/> left out, each with why (the reason names UIDs only, never a patient).</summary>
    public IReadOnlyList<(string Path, string Reason)> Rejects
    {
        get
        {
            lock (_gate)
                return _rejects.ToArray();
        }
    }

    /// <summary>The Study and Series Instance UIDs read, to ask the catalogue about.</summary>
    public (IReadOnlyCollection<string> Studies, IReadOnlyCollection<string> Series) Uids()
    {
        lock (_gate)
            return (_parts.Keys.Select(k => k.Study).ToHashSet(StringComparer.Ordinal), _seriesUids.ToArray());
    }

    private IEnumerable<Part> Planned => _accepted ?? (IEnumerable<Part>)_parts.Values;

    /// <summary>The nodes one instance alone would give, for checking its values against the model before it is added.</summary>
    public static ChangeSet ForInstance(DeidentifiedInstance instance, long size, string path)
    {
        var series = new SeriesAggregate(instance.SeriesInstanceUid);
        series.Add(instance, size, path);
        var study = new StudyAggregate(instance.StudyInstanceUid);
        study.Add(instance, path);
        var patient = new PatientAggregate(instance.Patient);
        patient.Add(instance, path);
        return new ChangeSet().Add(patient.ToRecord()).Add(study.ToRecord([instance.Modality])).Add(series.ToRecord());
    }

    /// <summary>The ChangeSet of whole studies: their patients (included in the dataset), the studies, all their series and
    /// their annotations, linked to the series they annotate that are in the set or that <paramref name="knownElsewhere"/> knows;
    /// a study's modalities and a series' counts add to what <paramref name="stored"/> holds of them.</summary>
    public static ChangeSet Build(
        IReadOnlyCollection<StudyPlan> studies, string dataset, string source, Func<string, bool>? knownElsewhere = null, StoredStudies? stored = null)
    {
        var changes = new ChangeSet { Source = source };
        var patients = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in studies)
        {
            var pseudonym = plan.Patient.Pseudonym;
            if (patients.Add(pseudonym))
                changes.Add(plan.Patient.ToRecord()).Add(EdgeRecord.Of(Includes, dataset, pseudonym));
            var modalities = plan.Series.Select(s => s.Modality!).Concat(stored?.Modalities(plan.Study.Uid) ?? []);
            changes.Add(plan.Study.ToRecord(modalities)).Add(EdgeRecord.Of(HasStudy, pseudonym, plan.Study.Uid));
            foreach (var series in plan.Series)
                changes.Add(series.ToRecord(stored?.Counts(series.Uid))).Add(EdgeRecord.Of(HasSeries, plan.Study.Uid, series.Uid));
        }

        var known = Known(studies, knownElsewhere);
        foreach (var annotation in studies.SelectMany(p => p.Annotations))
            AnnotationLinks.AddTo(changes, annotation, known);
        return changes;
    }

    /// <summary>Annotations of some studies that name no series in them or known elsewhere, as <see cref="Build"/> would link them.</summary>
    public static int Unlinked(StudyPlan plan, IReadOnlyCollection<StudyPlan> batch, Func<string, bool>? knownElsewhere)
    {
        var known = Known(batch, knownElsewhere);
        return plan.Annotations.Count(a => AnnotationLinks.Targets(a, known).Unlinked);
    }

    private static Func<string, bool> Known(IReadOnlyCollection<StudyPlan> studies, Func<string, bool>? knownElsewhere)
    {
        var inSet = studies.SelectMany(p => p.Series).Select(s => s.Uid).ToHashSet(StringComparer.Ordinal);
        return uid => inSet.Contains(uid) || knownElsewhere?.Invoke(uid) == true;
    }

    /// <summary>Adds an accepted instance read from a file.</summary>
    public void Add(DeidentifiedInstance instance, long size, string path)
    {
        lock (_gate)
        {
            var key = (instance.SeriesInstanceUid, instance.StudyInstanceUid, instance.Patient);
            if (!_parts.TryGetValue(key, out var part))
            {
                _parts.Add(key, part = new Part(key.SeriesInstanceUid, key.StudyInstanceUid, key.Patient));
                _seriesUids.Add(instance.SeriesInstanceUid);
            }

            part.Add(instance, size, path);
        }
    }

    /// <summary>The series the annotations read name that are not among the instances read.</summary>
    public IReadOnlyList<string> ForeignSources()
    {
        lock (_gate)
        {
            return _parts.Values.SelectMany(p => p.Annotations.Values).SelectMany(a => a.Annotation.SourceSeries)
                .Where(s => !_seriesUids.Contains(s)).Distinct(StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The studies to write, each with its patient and series as the first-ranked instances decide, ordered by patient and UID.</summary>
    /// <remarks>
    /// A series belongs to the study of its first-ranked instance and a study to the patient of its first-ranked instance
    /// (whatever the reading order); the files that name another study for their series, or another patient for their
    /// study, are left out, as are the files of a study that <paramref name="stored"/> holds under another patient and of a
    /// series it holds under another study. They are listed in <see cref="Rejects"/>; nothing of them enters the nodes written.
    /// </remarks>
    public IReadOnlyList<StudyPlan> Plan(StoredStudies? stored = null)
    {
        lock (_gate)
        {
            _rejects.Clear();
            _conflicts = 0;
            var studyOfSeries = First(_parts.Values, p => p.Series.Uid, p => p.Study.Uid);
            var patientOfStudy = First(_parts.Values, p => p.Study.Uid, p => p.Patient.Pseudonym);
            var accepted = new List<Part>(_parts.Count);
            foreach (var part in _parts.Values.OrderBy(p => p.Series.Uid, StringComparer.Ordinal).ThenBy(p => p.Series.First))
            {
                var (series, study, patient) = (part.Series.Uid, part.Study.Uid, part.Patient.Pseudonym);
                var disagrees = studyOfSeries[series] != study || patientOfStudy[study] != patient;
                _conflicts += disagrees ? part.Series.Files : 0;
                var reason = studyOfSeries[series] != study ? AnotherStudy(series)
                    : patientOfStudy[study] != patient ? AnotherPatient(study)
                    : stored is null ? null
                    : stored.HeldByAnotherPatient(study, patient) ? StoredStudies.StudyConflict(study)
                    : stored.HeldByAnotherStudy(series, study) ? StoredStudies.SeriesConflict(series)
                    : null;
                if (reason is null)
                    accepted.Add(part);
                else
                    _rejects.AddRange(part.Series.Paths.Order(StringComparer.Ordinal).Select(path => (path, reason)));
            }

            _accepted = accepted;
            var patients = new Dictionary<string, PatientAggregate>(StringComparer.Ordinal);
            var studies = new Dictionary<string, (StudyAggregate Study, List<Part> Parts)>(StringComparer.Ordinal);
            foreach (var part in accepted)
            {
                if (studies.TryGetValue(part.Study.Uid, out var entry))
                {
                    entry.Study.Merge(part.Study);
                    entry.Parts.Add(part);
                }
                else
                {
                    var study = new StudyAggregate(part.Study.Uid);
                    study.Merge(part.Study);
                    studies.Add(study.Uid, (study, [part]));
                }
            }

            foreach (var aggregate in accepted.Select(p => p.Patient))
            {
                if (!patients.TryGetValue(aggregate.Pseudonym, out var patient))
                    patients.Add(aggregate.Pseudonym, patient = new PatientAggregate(aggregate.Pseudonym));
                patient.Merge(aggregate);
            }

            var plans = studies.Values
                .Select(s => new StudyPlan(s.Study, patients[s.Study.Patient.Value!], s.Parts.Select(p => p.Series).ToArray())
                {
                    Annotations = Annotations(s.Parts),
                })
                .OrderBy(plan => plan.Patient.Pseudonym, StringComparer.Ordinal)
                .ThenBy(plan => plan.Study.Uid, StringComparer.Ordinal)
                .ToArray();
            return AnnotatedLast(plans);
        }
    }

    /// <summary>For each key, the value of the part holding the first-ranked instance among the parts of that key.</summary>
    private static Dictionary<string, string> First(IEnumerable<Part> parts, Func<Part, string> key, Func<Part, string> value) => parts
        .GroupBy(key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => value(g.MinBy(p => p.Series.First)!), StringComparer.Ordinal);

    // The reasons name UIDs only: the other patient is never named, not even by its pseudonym.
    private static string AnotherStudy(string series) =>
        $"the file names another study than the other files of series {series} (the series' first instance by Instance Number names its study); not written";

    private static string AnotherPatient(string study) =>
        $"the file names another patient than the other files of study {study} (the study's first instance by Instance Number names its patient); not written";

    // A copy of an object counts once: the copy at the first path in ordinal order wins, whatever the reading order.
    private static DeidentifiedAnnotation[] Annotations(IEnumerable<Part> parts) => parts
        .SelectMany(p => p.Annotations)
        .GroupBy(a => a.Key, StringComparer.Ordinal)
        .Select(g => g.MinBy(a => a.Value.Path, StringComparer.Ordinal).Value.Annotation)
        .OrderBy(a => a.AnnotationId, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The plans with studies of annotations after the studies whose series they annotate, so that each annotation's
    /// source series is written before it or with it (a cycle, which DICOM does not make, is broken in plan order).</summary>
    private static StudyPlan[] AnnotatedLast(StudyPlan[] plans)
    {
        var studyOfSeries = plans.SelectMany(p => p.Series.Select(s => (s.Uid, p))).ToDictionary(x => x.Uid, x => x.p, StringComparer.Ordinal);
        var depth = new Dictionary<StudyPlan, int>(ReferenceEqualityComparer.Instance);
        int Depth(StudyPlan plan, HashSet<StudyPlan> visiting)
        {
            if (plan.Annotations.Count == 0)
                return 0;
            if (depth.TryGetValue(plan, out var known))
                return known;
            if (!visiting.Add(plan))
                return 1;
            var deepest = plan.Annotations
                .SelectMany(a => a.SourceSeries)
                .Select(s => studyOfSeries.GetValueOrDefault(s))
                .Where(p => p is not null && p != plan)
                .Select(p => Depth(p!, visiting))
                .DefaultIfEmpty(0)
                .Max();
            visiting.Remove(plan);
            return depth[plan] = deepest + 1;
        }

        return plans.OrderBy(p => Depth(p, new HashSet<StudyPlan>(ReferenceEqualityComparer.Instance))).ToArray();
    }

    /// <summary>The instances of one series that name the same study and patient: the series, and what they tell of the study and patient.</summary>
    private sealed class Part(string series, string study, string patient)
    {
        public SeriesAggregate Series { get; } = new(series);

        public StudyAggregate Study { get; } = new(study);

        public PatientAggregate Patient { get; } = new(patient);

        public Dictionary<string, (DeidentifiedAnnotation Annotation, string Path)> Annotations { get; } = new(StringComparer.Ordinal);

        public int DescriptionsRemoved { get; private set; }

        public int PatientIdMissing { get; private set; }

        public int ModalityMissing { get; private set; }

        public int ValueDropped { get; private set; }

        public void Add(DeidentifiedInstance instance, long size, string path)
        {
            Series.Add(instance, size, path);
            Study.Add(instance, path);
            Patient.Add(instance, path);
            DescriptionsRemoved += instance.DescriptionsRemoved;
            PatientIdMissing += instance.Warnings.HasFlag(InstanceWarnings.PatientIdMissing) ? 1 : 0;
            ModalityMissing += instance.Warnings.HasFlag(InstanceWarnings.ModalityMissing) ? 1 : 0;
            ValueDropped += instance.Warnings.HasFlag(InstanceWarnings.ValueDropped) ? 1 : 0;
            if (instance.Annotation is { } annotation
                && (!Annotations.TryGetValue(annotation.AnnotationId, out var kept) || string.CompareOrdinal(path, kept.Path) < 0))
                Annotations[annotation.AnnotationId] = (annotation, path);
        }
    }
}
