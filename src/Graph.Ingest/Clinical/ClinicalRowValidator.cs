using FluentValidation;
using Graph.Domain;
using Graph.Ingest.Records;

namespace Graph.Ingest.Clinical;

/// <summary>Checks one clinical record: a known patient, a diagnosis number, a known cancer type and well-formed values in every column.</summary>
/// <remarks>Each failure's property name is the column it concerns, for the rejects report.</remarks>
public sealed class ClinicalRowValidator : AbstractValidator<SourceRecord>
{
    /// <summary>Creates the validator over a catalogue's patients and cancer types.</summary>
    public ClinicalRowValidator(IClinicalCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        RuleFor(r => r[ClinicalColumns.Pseudonym])
            .Custom((pseudonym, context) =>
            {
                if (pseudonym is null)
                    context.AddFailure(ClinicalColumns.Pseudonym, "pseudonym is missing; every record names a patient of the catalogue");
                else if (KeyRules.Check(GraphModel.Patient, pseudonym) is { } keyError)
                    context.AddFailure(ClinicalColumns.Pseudonym, $"{keyError}");
                else if (!catalogue.HasPatient(pseudonym))
                    context.AddFailure(ClinicalColumns.Pseudonym, $"no patient {PropertyValues.Describe(pseudonym)} in the catalogue; clinical facts attach to known patients only");
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
