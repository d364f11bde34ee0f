using Graph.Ingest.Deidentification;

namespace Graph.Harvest.Tests.Support;

/// <summary>The de-identification key of the suite, so pseudonyms can be recomputed by the tests.</summary>
internal static class Secrets
{
    public const string Text = "harvest-suite secret, long enough: 9d1c0f3b7a";

    public static DeidentificationKey Key { get; } = DeidentificationKey.FromSecret(Text);
}
