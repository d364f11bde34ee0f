using System.CommandLine;
using Graph.Ingest.Deidentification;

namespace Graph.Cli.Commands;

/// <summary>The de-identification flags of <c>graph ingest dicom</c> and <c>graph harvest</c>: both commands take the same
/// flags with the same meaning, and resolve them to a key the same way.</summary>
internal sealed class DeidentificationCommandOptions
{
    public const string SecretVariable = "GRAPH_DEID_SECRET";

    public Option<FileInfo?> SecretFile { get; } = new("--secret-file")
    {
        Description = $"File holding the de-identification secret (at least 16 bytes); else the {SecretVariable} environment variable.",
        HelpName = "F",
    };

    public Option<bool> DevelopmentSecret { get; } = new("--development-secret")
    {
        Description = "Use a fixed, public key when no secret is given: for tests and demos only, anyone can recompute its pseudonyms.",
    };

    public Option<bool> PassThroughIds { get; } = new("--pass-through-ids")
    {
        Description = "The repository publishes pseudonyms already: keep patient ids as they are, once checked (letters, digits, . _ - :, a digit, no name).",
    };

    public Option<bool> RemapUids { get; } = new("--remap-uids") { Description = "Replace Study and Series Instance UIDs by keyed 2.25 UIDs (the same UID always gives the same)." };

    public Option<bool> DropDescriptions { get; } = new("--drop-descriptions")
    {
        Description = "Drop study and series descriptions (Annex E basic profile) instead of keeping the clean ones.",
    };

    /// <summary>Reads the flags; returns the usage error, or null and the settings with the key they need (none when ids pass
    /// through and UIDs are kept).</summary>
    public string? Resolve(ParseResult result, out DeidentificationFlags flags)
    {
        var passThrough = result.GetValue(PassThroughIds);
        var remap = result.GetValue(RemapUids);
        flags = new DeidentificationFlags(null, passThrough, remap, !result.GetValue(DropDescriptions));
        if (passThrough && !remap)
            return null;
        DeidentificationKey? key;
        try
        {
            key = Key(result.GetValue(SecretFile), result.GetValue(DevelopmentSecret));
        }
        catch (DeidentificationException e)
        {
            return e.Message;
        }

        if (key is null)
        {
            return $"no de-identification secret: pass --secret-file FILE or set {SecretVariable} "
                + "(patient ids are never pseudonymised with a default key; --development-secret is for tests and demos).";
        }

        flags = flags with { Key = key };
        return null;
    }

    private static DeidentificationKey? Key(FileInfo? secretFile, bool development)
    {
        if (secretFile is not null)
            return DeidentificationKey.FromSecretFile(secretFile.FullName);
        if (Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } secret)
            return DeidentificationKey.FromSecret(secret);
        return development ? DeidentificationKey.Development : null;
    }
}
