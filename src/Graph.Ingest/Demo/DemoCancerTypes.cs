using Graph.Ingest.Vocabulary;

namespace Graph.Ingest.Demo;

/// <summary>The nine cancer types of the demo catalogue; the index of a type is its number in <see cref="All"/>.</summary>
internal static class DemoCancerTypes
{
    public const int Breast = 0;
    public const int Colon = 1;
    public const int Lung = 2;
    public const int Prostate = 3;
    public const int Rectum = 4;
    public const int Liver = 5;
    public const int Glioma = 6;
    public const int Neuroblastoma = 7;
    public const int Glioblastoma = 8;

    public static readonly DemoCancerType[] All =
    [
        new(ReferenceCancerTypes.Breast, 0.99, 58, 12, 24, 95, 0.10),
        new(ReferenceCancerTypes.Colon, 0.45, 68, 11, 28, 95, 0.22),
        new(ReferenceCancerTypes.Lung, 0.38, 67, 9, 30, 92, 0.45),
        new(ReferenceCancerTypes.Prostate, 0.0, 67, 7, 42, 92, 0.08),
        new(ReferenceCancerTypes.Rectum, 0.38, 65, 11, 27, 93, 0.22),
        new(ReferenceCancerTypes.Liver, 0.25, 66, 10, 30, 90, 0.45),
        new(ReferenceCancerTypes.Glioma, 0.43, 45, 14, 18, 85, 0.20),
        new(ReferenceCancerTypes.Neuroblastoma, 0.45, 2, 2, 0, 10, 0.20),
        new(ReferenceCancerTypes.Glioblastoma, 0.40, 62, 11, 20, 89, 0.75),
    ];

    /// <summary>Finds a type's index by code.</summary>
    public static int IndexOf(string code)
    {
        for (var i = 0; i < All.Length; i++)
        {
            if (All[i].Code == code)
                return i;
        }

        throw new ArgumentException($"Unknown demo cancer type '{code}'.", nameof(code));
    }
}
