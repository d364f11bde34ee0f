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
    private readonly Dictionary<string, SeriesAggregate> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StudyAggregate> _studies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PatientAggregate> _patients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DeidentifiedAnnotation Annotation, string Path)> _annotations = new(StringComparer.Ordinal);
    private int _seriesCount;
    private int _conflicts;
    private int _descriptionsRemoved;
    private int _patientIdMissing;
    private int _modalityMissing;
    private int _valueDropped;

    /// <summary>Distinct series so far.</summary>
    public int SeriesCount => Volatile.Read(ref _seriesCount);

    /// <summary>Instances that disagreed with their series on the study or with their study on the patient.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>Descriptions dropped as not clean.</summary>
    public int DescriptionsRemoved => Volatile.Read(ref _descriptionsRemoved);

    /// <summary>Accepted files by what they lacked (a file can count under several warnings).</summary>
    public IReadOnlyDictionary<InstanceWarnings, int> Warnings
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<InstanceWarnings, int>
                {
                    [InstanceWarnings.PatientIdMissing] = _patientIdMissing,
                    [InstanceWarnings.ModalityMissing] = _modalityMissing,
                    [InstanceWarnings.ValueDropped] = _valueDropped,
                };
            }
        }
    }

    /// <summary>Distinct SOP instances.</summary>
    public int Instances
    {
        get
        {
            lock (_gate)
                return _series.Values.Sum(s => s.ImageCount);
        }
    }

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
    /// their annotations, linked to the series they annotate that are in the set or that <paramref name="knownElsewhere"/> knows.</summary>
    public static ChangeSet Build(IReadOnlyCollection<StudyPlan> studies, string dataset, string source, Func<string, bool>? knownElsewhere = null)
    {
        var changes = new ChangeSet { Source = source };
        var patients = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in studies)
        {
            var pseudonym = plan.Patient.Pseudonym;
            if (patients.Add(pseudonym))
                changes.Add(plan.Patient.ToRecord()).Add(EdgeRecord.Of(Includes, dataset, pseudonym));
            changes.Add(plan.Study.ToRecord(plan.Series.Select(s => s.Modality!))).Add(EdgeRecord.Of(HasStudy, pseudonym, plan.Study.Uid));
            foreach (var series in plan.Series)
                changes.Add(series.ToRecord()).Add(EdgeRecord.Of(HasSeries, plan.Study.Uid, series.Uid));
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
            if (!_series.TryGetValue(instance.SeriesInstanceUid, out var series))
            {
                _series.Add(instance.SeriesInstanceUid, series = new SeriesAggregate(instance.SeriesInstanceUid));
                _seriesCount++;
            }

            if (!_studies.TryGetValue(instance.StudyInstanceUid, out var study))
                _studies.Add(instance.StudyInstanceUid, study = new StudyAggregate(instance.StudyInstanceUid));
            if (!_patients.TryGetValue(instance.Patient, out var patient))
                _patients.Add(instance.Patient, patient = new PatientAggregate(instance.Patient));

            var conflicts = (series.Add(instance, size, path) ? 1 : 0) + (study.Add(instance, path) ? 1 : 0);
            patient.Add(instance, path);
            _conflicts += conflicts;
            _descriptionsRemoved += instance.DescriptionsRemoved;
            _patientIdMissing += instance.Warnings.HasFlag(InstanceWarnings.PatientIdMissing) ? 1 : 0;
            _modalityMissing += instance.Warnings.HasFlag(InstanceWarnings.ModalityMissing) ? 1 : 0;
            _valueDropped += instance.Warnings.HasFlag(InstanceWarnings.ValueDropped) ? 1 : 0;
            // A copy of an object counts once: the copy at the first path in ordinal order wins, whatever the reading order.
            if (instance.Annotation is { } annotation
                && (!_annotations.TryGetValue(annotation.AnnotationId, out var kept) || string.CompareOrdinal(path, kept.Path) < 0))
                _annotations[annotation.AnnotationId] = (annotation, path);
        }
    }

    /// <summary>The series the annotations read name that are not among the instances read.</summary>
    public IReadOnlyList<string> ForeignSources()
    {
        lock (_gate)
        {
            return _annotations.Values.SelectMany(a => a.Annotation.SourceSeries).Where(s => !_series.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The studies to write, each with its patient and series as the first-ranked instances decide, ordered by patient and UID.</summary>
    public IReadOnlyList<StudyPlan> Plan()
    {
        lock (_gate)
        {
            var seriesByStudy = _series.Values
                .GroupBy(s => s.Study.Value!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Uid, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
            var annotationsByStudy = _annotations.Values
                .Select(a => a.Annotation)
                .Where(a => _series.ContainsKey(a.Series))
                .GroupBy(a => _series[a.Series].Study.Value!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(a => a.AnnotationId, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
            var plans = _studies.Values
                .Where(study => seriesByStudy.ContainsKey(study.Uid))
                .Select(study => new StudyPlan(study, _patients[study.Patient.Value!], seriesByStudy[study.Uid])
                {
                    Annotations = annotationsByStudy.GetValueOrDefault(study.Uid) ?? [],
                })
                .OrderBy(plan => plan.Patient.Pseudonym, StringComparer.Ordinal)
                .ThenBy(plan => plan.Study.Uid, StringComparer.Ordinal)
                .ToArray();
            return AnnotatedLast(plans);
        }
    }

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
}
