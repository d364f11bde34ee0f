namespace Graph.Ingest.Deidentification;

/// <summary>Settings of de-identification on ingest (configuration section "Graph:Deidentification").</summary>
/// <remarks>
/// Pseudonymising patient ids and remapping UIDs need a deployment secret: <see cref="Secret"/>, else the file
/// <see cref="SecretFile"/>. There is no default key: without either, <see cref="DeidentificationKey.FromOptions"/>
/// fails, unless <see cref="UseDevelopmentSecret"/> says explicitly that a public key will do (tests, demos).
/// </remarks>
public sealed class DeidentificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Deidentification";

    /// <summary>The deployment secret as text (its UTF-8 bytes are the key); at least 16 bytes.</summary>
    public string? Secret { get; set; }

    /// <summary>A file whose bytes (trailing whitespace removed) are the deployment secret; used when <see cref="Secret"/> is not set.</summary>
    public string? SecretFile { get; set; }

    /// <summary>Whether to use a fixed, public key when no secret is set: pseudonyms can then be recomputed by anyone.</summary>
    public bool UseDevelopmentSecret { get; set; }

    /// <summary>Whether to replace Study and Series Instance UIDs by keyed 2.25 UIDs (the same UID always gives the same).</summary>
    public bool RemapUids { get; set; }

    /// <summary>Whether study and series descriptions are kept when they carry none of the instance's identifying values.</summary>
    public bool RetainCleanDescriptions { get; set; } = true;

    /// <summary>Slugs of repositories whose patient ids are pseudonyms already and enter the graph as they are, once checked.</summary>
    public IList<string> PassThroughRepositories { get; } = [];

    /// <summary>Whether a repository's patient ids pass through instead of being pseudonymised.</summary>
    public bool IsPassThrough(string repository) => PassThroughRepositories.Contains(repository, StringComparer.Ordinal);
}
