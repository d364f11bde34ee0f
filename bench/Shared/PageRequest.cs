namespace Graph.Bench;

/// <summary>A page of patients in an age range (of one sex, with one cancer type), with their studies and series.</summary>
internal sealed record PageRequest(int First, int AgeFrom, int AgeTo, string? Sex, string? CancerType)
{
    public override string ToString() => $"first {First} patients aged [{AgeFrom}, {AgeTo}), sex {Sex ?? "any"}, cancer type {CancerType ?? "any"}, with studies and series";

    public string Ours()
    {
        var where = new List<string> { $"ageAtDiagnosis: {{ gte: {AgeFrom}, lt: {AgeTo} }}" };
        if (Sex is not null)
            where.Add($"sex: {{ eq: \"{Sex}\" }}");
        if (CancerType is not null)
            where.Add($"cancerTypes: {{ some: {{ code: {{ eq: \"{CancerType}\" }} }} }}");
        return $$"""
            { patients(first: {{First}}, where: { {{string.Join(", ", where)}} }) { nodes { pseudonym sex ageAtDiagnosis
              studies { nodes { studyInstanceUid year series { nodes { seriesInstanceUid modality bodyPart sliceThickness } } } } } } }
            """;
    }
}
