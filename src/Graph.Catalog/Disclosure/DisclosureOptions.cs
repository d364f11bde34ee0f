namespace Graph.Catalog.Disclosure;

/// <summary>How aggregate answers are protected for callers who may not read every record they count (configuration section "Graph:Disclosure").</summary>
public sealed class DisclosureOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Disclosure";

    /// <summary>Counts of unreadable records from fewer patients than this are withheld (zero included); at least 2.</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>Shown counts of unreadable records are rounded to a multiple of this.</summary>
    public int RoundingStep { get; set; } = 5;

    /// <summary>The standard deviation of each layer of noise, in patients (record counts and sizes scale it by the records per patient).</summary>
    public double NoiseScale { get; set; } = 1.0;

    /// <summary>The secret that seeds the noise, as text (at least 16 characters); every replica must share it. Overrides <see cref="SecretFile"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>A file holding the secret; when neither is set, <c>disclosure.key</c> in the data folder (made with 32 random bytes on first start).</summary>
    public string? SecretFile { get; set; }

    /// <summary>Checks the settings; the message names the setting and the reason.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Threshold < 2)
            throw new ArgumentException($"{Section}:Threshold is {Threshold}; it must be at least 2, or a count of 0 could be told from a count of 1.");
        if (RoundingStep < 1)
            throw new ArgumentException($"{Section}:RoundingStep is {RoundingStep}; it must be at least 1.");
        if (double.IsNaN(NoiseScale) || NoiseScale < 0 || NoiseScale > 100)
            throw new ArgumentException($"{Section}:NoiseScale is {NoiseScale}; it must be between 0 and 100.");
    }
}
