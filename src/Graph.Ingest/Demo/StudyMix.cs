namespace Graph.Ingest.Demo;

/// <summary>The protocols a group of patients is imaged with, how often each, and how many studies a patient has.</summary>
/// <param name="Studies">The protocols.</param>
/// <param name="Weights">The relative frequency of each protocol.</param>
/// <param name="StudiesPerPatient">The number of studies of a patient.</param>
internal sealed record StudyMix(StudyTemplate[] Studies, double[] Weights, Choice<int> StudiesPerPatient)
{
    /// <summary>Creates a mix from protocol and weight pairs.</summary>
    public static StudyMix Of(Choice<int> studiesPerPatient, params (StudyTemplate Study, double Weight)[] entries)
    {
        var studies = new StudyTemplate[entries.Length];
        var weights = new double[entries.Length];
        for (var i = 0; i < entries.Length; i++)
            (studies[i], weights[i]) = entries[i];
        return new StudyMix(studies, weights, studiesPerPatient);
    }
}
