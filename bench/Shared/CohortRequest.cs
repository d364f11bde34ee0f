using System.Globalization;

namespace Graph.Bench;

/// <summary>A cohort: patients of some cancer types in an age range (and of one sex), series of some modalities up to a slice thickness.</summary>
internal sealed record CohortRequest(string[] CancerTypes, int AgeFrom, int AgeTo, string? Sex, string[] Modalities, double MaxThickness)
{
    public override string ToString() =>
        $"cohort of patients with cancer type {DistinctRequests.Show(CancerTypes)}, aged [{AgeFrom}, {AgeTo}), sex {Sex ?? "any"}; series of modality {DistinctRequests.Show(Modalities)}, slice thickness <= {Thickness}";

    public string Thickness => MaxThickness.ToString("0.###", CultureInfo.InvariantCulture);

    public string Ours() => $$"""
        { cohortPreview(criteria: { patients: { cancerTypes: { some: { code: { in: [{{DistinctRequests.Quoted(CancerTypes)}}] } } }, ageAtDiagnosis: { gte: {{AgeFrom}}, lt: {{AgeTo}} }{{(Sex is null ? "" : $", sex: {{ eq: \"{Sex}\" }}")}} },
                                    series: { modality: { in: [{{DistinctRequests.Quoted(Modalities)}}] }, sliceThickness: { lte: {{Thickness}} } } }) { patients { value } studies { value } series { value } totalBytes { value } } }
        """;
}
