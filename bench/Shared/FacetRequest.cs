namespace Graph.Bench;

/// <summary>A facet request over series: modalities (always), body parts, the patient's sex, age range and datasets (each
/// optional); counts per value of the facet fields, each leaving out its own filter, and the first page.</summary>
internal sealed record FacetRequest(string[] Modalities, string[]? BodyParts, string? Sex, int AgeFrom, int AgeTo, string[]? Datasets, int First)
{
    public override string ToString() =>
        $"facets of series with modality {DistinctRequests.Show(Modalities)}, body part {DistinctRequests.Show(BodyParts)}, patient aged [{AgeFrom}, {AgeTo}), sex {Sex ?? "any"}, in datasets {DistinctRequests.Show(Datasets)}; first {First}";

    /// <summary>The series filter in our schema.</summary>
    public string OursWhere()
    {
        var patient = new List<string> { $"ageAtDiagnosis: {{ gte: {AgeFrom}, lt: {AgeTo} }}" };
        if (Sex is not null)
            patient.Add($"sex: {{ eq: \"{Sex}\" }}");
        if (Datasets is not null)
            patient.Add($"datasets: {{ some: {{ slug: {{ in: [{DistinctRequests.Quoted(Datasets)}] }} }} }}");
        var where = new List<string> { $"modality: {{ in: [{DistinctRequests.Quoted(Modalities)}] }}" };
        where.Add(BodyParts is null ? "bodyPart: { neq: null }" : $"bodyPart: {{ in: [{DistinctRequests.Quoted(BodyParts)}] }}");
        where.Add($"patient: {{ {string.Join(", ", patient)} }}");
        return $"{{ {string.Join(", ", where)} }}";
    }

    /// <summary>The whole query in our schema, with the given facet fields.</summary>
    public string Ours(IReadOnlyList<string> fields, int limit) => $$"""
        { series(first: {{First}}, where: {{OursWhere()}}) {
          totalCount facets(fields: [{{DistinctRequests.Quoted(fields)}}], limit: {{limit}}) { field values { value count } missing other }
          nodes { seriesInstanceUid modality } } }
        """;
}
