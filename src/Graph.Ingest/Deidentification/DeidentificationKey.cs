using System.Security.Cryptography;
using System.Text;

namespace Graph.Ingest.Deidentification;

/// <summary>The keys that pseudonymise patient ids and remap UIDs, derived from a deployment secret.</summary>
/// <remarks>
/// Two keys are derived from the secret with HMAC-SHA256, one per purpose, so a pseudonym and a remapped UID never
/// share a key. The secret itself is not kept, and <see cref="ToString"/> never shows it.
/// </remarks>
public sealed class DeidentificationKey
{
    /// <summary>The shortest accepted secret, in bytes.</summary>
    public const int MinimumSecretLength = 16;

    private readonly byte[] _patientKey;
    private readonly byte[] _uidKey;

    private DeidentificationKey(ReadOnlySpan<byte> secret, bool isDevelopment)
    {
        _patientKey = HMACSHA256.HashData(secret, "cancer-imaging-graph/patient-pseudonym/v1"u8);
        _uidKey = HMACSHA256.HashData(secret, "cancer-imaging-graph/uid/v1"u8);
        IsDevelopment = isDevelopment;
    }

    /// <summary>A fixed key whose secret is public: for tests and demos only, since anyone can recompute its pseudonyms.</summary>
    public static DeidentificationKey Development { get; } = new("cancer-imaging-graph development secret, public, never for real data"u8, true);

    /// <summary>Whether this is the public <see cref="Development"/> key.</summary>
    public bool IsDevelopment { get; }

    internal ReadOnlySpan<byte> PatientKey => _patientKey;

    internal ReadOnlySpan<byte> UidKey => _uidKey;

    /// <summary>Derives the keys from a secret; trailing whitespace (a newline from a file or a variable) is ignored.</summary>
    /// <exception cref="DeidentificationException">The secret is shorter than <see cref="MinimumSecretLength"/> bytes.</exception>
    public static DeidentificationKey FromSecret(ReadOnlySpan<byte> secret)
    {
        var end = secret.Length;
        while (end > 0 && secret[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            end--;
        secret = secret[..end];
        if (secret.Length < MinimumSecretLength)
        {
            throw new DeidentificationException(
                $"The de-identification secret is {secret.Length} bytes long; it must have at least {MinimumSecretLength} (32 random characters are recommended).");
        }

        return new DeidentificationKey(secret, false);
    }

    /// <summary>Derives the keys from a secret given as text (its UTF-8 bytes).</summary>
    /// <exception cref="DeidentificationException">The secret is too short.</exception>
    public static DeidentificationKey FromSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return FromSecret(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Derives the keys from the bytes of a secret file.</summary>
    /// <exception cref="DeidentificationException">The file cannot be read or holds too short a secret.</exception>
    public static DeidentificationKey FromSecretFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] secret;
        try
        {
            secret = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DeidentificationException($"The de-identification secret file {path} cannot be read ({e.GetType().Name}).", e);
        }

        try
        {
            return FromSecret(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Resolves the key of the options: <see cref="DeidentificationOptions.Secret"/>, else the secret file, else the development key if allowed.</summary>
    /// <exception cref="DeidentificationException">No secret is configured and the development key is not allowed, or the secret is unusable.</exception>
    public static DeidentificationKey FromOptions(DeidentificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.Secret))
            return FromSecret(options.Secret);
        if (!string.IsNullOrEmpty(options.SecretFile))
            return FromSecretFile(options.SecretFile);
        if (options.UseDevelopmentSecret)
            return Development;
        throw new DeidentificationException(
            $"No de-identification secret is configured: set {DeidentificationOptions.Section}:Secret or {DeidentificationOptions.Section}:SecretFile "
            + $"(or {DeidentificationOptions.Section}:UseDevelopmentSecret=true for tests and demos). Patient ids are never pseudonymised with a default key.");
    }

    /// <summary>Names the kind of key, never the secret.</summary>
    public override string ToString() => IsDevelopment ? "development de-identification key (public)" : "de-identification key";
}
