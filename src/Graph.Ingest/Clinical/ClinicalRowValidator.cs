using FluentValidation;
using Graph.Domain;
using Graph.Ingest.Records;

namespace Graph.Ingest.Clinical;

/// <summary>Checks one clinical record: a known patient, a diagnosis number, a known cancer type and well-formed values in every column.</summary>
/// <remarks>Each failure's property name is the column it concerns, for the rejects report. A pseudonym the catalogue does not hold is
/// never quoted: it may be a name or medical record number put in the column by mistake.</remarks>
public sealed class ClinicalRowValidator : AbstractValidator<SourceRecord>
{
    // A hospital that fills the column with its own identifiers (names, MRNs) must not find them in the report, which stays in
    // the data folder, or in the mutation's answer: the message never repeats the value.
    private const string NotAPseudonym =
        "the value is not a pseudonym of the catalogue (not repeated here, as it may be a patient identifier); clinical facts attach to known patients only";

    /// <summary>Creates the validator over a catalogue's patients and cancer types.</summary>
    public ClinicalRowValidator(IClinicalCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        RuleFor(r => r[ClinicalColumns.Pseudonym])
            .Custom((pseudonym, context) =>
            {
                if (pseudonym is null)
                    context.AddFailure(ClinicalColumns.Pseudonym, "pseudonym is missing; every record names a patient of the catalogue");
                else if (KeyRules.Rule(GraphModel.Patient, pseudonym) is { } keyError)
                    context.AddFailure(ClinicalColumns.Pseudonym, $"the value is not a pseudonym of the catalogue: {keyError}");
                else if (!catalogue.HasPatient(pseudonym))
                    context.AddFailure(ClinicalColumns.Pseudonym, NotAPseudonym);
            });
        RuleFor(r => r[ClinicalColumns.CancerType])
            .Must(code => code is null || catalogue.HasCancerType(code))
            .WithName(ClinicalColumns.CancerType)
            .OverridePropertyName(ClinicalColumns.CancerType)
            .WithMessage((_, code) => $"no cancer type {PropertyValues.Describe(code)} in the catalogue");
        foreach (var column in ClinicalColumns.DiagnosisFields.Append(ClinicalColumns.Diagnosis).Append(ClinicalColumns.VitalStatus))
        {
            RuleFor(r => r[column])
                .Custom((text, context) =>
                {
                    if (text is not null && ClinicalValues.Parse(column, text, out var error) is null && error is not null)
                        context.AddFailure(column, error);
                });
        }
    }
}
