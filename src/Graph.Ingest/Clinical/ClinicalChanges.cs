using Graph.Domain;
using Graph.Ingest.Records;
using Graph.Store;

namespace Graph.Ingest.Clinical;

/// <summary>Turns a valid clinical record into the changes that apply it whole: its Diagnosis, the patient's facts and their links.</summary>
public static class ClinicalChanges
{
    private const string Icd10System = "ICD10";
    private const string IcdO3System = "ICDO3";

    /// <summary>The key of a record's Diagnosis: the pseudonym and the diagnosis number (1 when absent).</summary>
    public static string DiagnosisKey(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var number = record[ClinicalColumns.Diagnosis] is { } text ? (long)ClinicalValues.Parse(ClinicalColumns.Diagnosis, text, out _)! : 1;
        return $"{record[ClinicalColumns.Pseudonym]}/{number}";
    }

    /// <summary>Builds the changes of a record that passed <see cref="ClinicalRowValidator"/>, adding warnings for codes the catalogue does not know.</summary>
    /// <remarks>Empty cells leave stored values as they are. A code given replaces the diagnosis' CODED_AS links of its system, and a cancer
    /// type given or inferred replaces its OF_TYPE link, so importing a corrected file leaves no stale links.</remarks>
    public static ChangeSet Build(SourceRecord record, IClinicalCatalogue catalogue, string source, List<RecordProblem> warnings)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(warnings);
        var pseudonym = record[ClinicalColumns.Pseudonym]!;
        var key = DiagnosisKey(record);
        var changes = new ChangeSet { Source = source };

        var diagnosis = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in ClinicalColumns.DiagnosisFields)
        {
            if (record[column] is { } text)
                diagnosis[column] = ClinicalValues.Parse(column, text, out _);
        }

        changes.Add(new NodeRecord(GraphModel.Diagnosis.Label, key, diagnosis));
        changes.Add(EdgeRecord.Of("HAS_DIAGNOSIS", new NodeRef(GraphModel.Patient.Label, pseudonym), new NodeRef(GraphModel.Diagnosis.Label, key)));

        var patient = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (record[ClinicalColumns.VitalStatus] is { } vital)
            patient[ClinicalColumns.VitalStatus] = ClinicalValues.Parse(ClinicalColumns.VitalStatus, vital, out _);
        if (key.EndsWith("/1", StringComparison.Ordinal) && diagnosis.TryGetValue("ageAtDiagnosis", out var age))
            patient["ageAtDiagnosis"] = age;
        if (patient.Count > 0)
            changes.Add(new NodeRecord(GraphModel.Patient.Label, pseudonym, patient));

        var icd10 = diagnosis.GetValueOrDefault("icd10") as string;
        var morphology = diagnosis.GetValueOrDefault("icdO3Morphology") as string;
        LinkCancerType(changes, record, catalogue, key, icd10, morphology, warnings);
        if (icd10 is not null)
            LinkCode(changes, record.Line, catalogue, key, "icd10", Icd10System, "ICD-10", icd10, icd10.Contains('.', StringComparison.Ordinal) ? icd10.Split('.')[0] : null, warnings);
        if (morphology is not null)
            LinkCode(changes, record.Line, catalogue, key, "icdO3Morphology", IcdO3System, "ICD-O-3", morphology, null, warnings);
        return changes;
    }

    private static void LinkCancerType(
        ChangeSet changes, SourceRecord record, IClinicalCatalogue catalogue, string key, string? icd10, string? morphology, List<RecordProblem> warnings)
    {
        var stored = catalogue.CancerTypeOf(key);
        var type = record[ClinicalColumns.CancerType] ?? catalogue.InferCancerType(icd10, morphology);
        if (type is null)
        {
            if (stored is null)
            {
                warnings.Add(RecordProblem.Warn(record.Line, ClinicalColumns.CancerType,
                    "no cancer type given and none of the catalogue's matches the codes: the diagnosis has no cancer type"));
            }

            return;
        }

        if (stored is not null && stored != type)
            changes.DeletedEdges.Add(OfType(key, stored));
        changes.Add(OfType(key, type));
    }

    private static void LinkCode(
        ChangeSet changes, int line, IClinicalCatalogue catalogue, string key, string column, string system, string systemName, string code, string? category,
        List<RecordProblem> warnings)
    {
        var curie = catalogue.Concept(system, code);
        if (curie is null)
        {
            curie = category is null ? null : catalogue.Concept(system, category);
            warnings.Add(RecordProblem.Warn(line, column, curie is null
                ? $"{systemName} code {code} is not a known concept of the catalogue; the diagnosis keeps the code but is not linked to a concept"
                : $"{systemName} code {code} is not a known concept of the catalogue; the diagnosis is linked to its category {category}"));
        }

        foreach (var stale in catalogue.CodingsOf(key, system))
        {
            if (stale != curie)
                changes.DeletedEdges.Add(CodedAs(key, stale));
        }

        if (curie is not null)
            changes.Add(CodedAs(key, curie));
    }

    private static EdgeRecord OfType(string diagnosis, string type) =>
        EdgeRecord.Of("OF_TYPE", new NodeRef(GraphModel.Diagnosis.Label, diagnosis), new NodeRef(GraphModel.CancerType.Label, type));

    private static EdgeRecord CodedAs(string diagnosis, string curie) =>
        EdgeRecord.Of("CODED_AS", new NodeRef(GraphModel.Diagnosis.Label, diagnosis), new NodeRef(GraphModel.Concept.Label, curie));
}
