using System.Security.Cryptography;
using System.Text;
using Graph.Catalog.Disclosure;

namespace Graph.Api.Security;

/// <summary>Finds the secret that seeds disclosure-control noise: configured text, a configured file, or disclosure.key in the data folder (made on first start).</summary>
/// <remarks>Every replica must use the same secret, or each would give its own noise and an attacker could average their answers.</remarks>
internal static class DisclosureSecret
{
    /// <summary>The file made in the data folder when no secret is configured.</summary>
    public const string FileName = "disclosure.key";

    /// <summary>Loads the secret, creating the data folder's key file (readable by the service account only) when there is none.</summary>
    /// <exception cref="InvalidOperationException">A configured secret is too short or its file cannot be read.</exception>
    public static byte[] Load(DisclosureOptions options, string dataDirectory, ILogger logger)
    {
        if (!string.IsNullOrEmpty(options.Secret))
        {
            var bytes = Encoding.UTF8.GetBytes(options.Secret.Trim());
            return bytes.Length >= 16 ? bytes
                : throw new InvalidOperationException($"{DisclosureOptions.Section}:Secret has {bytes.Length} bytes; it needs at least 16 (32 random characters are recommended).");
        }

        var path = options.SecretFile ?? Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length >= 16 ? Encoding.UTF8.GetBytes(text)
                : throw new InvalidOperationException($"The disclosure-control secret in {path} has {text.Length} characters; it needs at least 16.");
        }

        if (options.SecretFile is not null)
            throw new InvalidOperationException($"{DisclosureOptions.Section}:SecretFile names {path}, which does not exist.");
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        try
        {
            Directory.CreateDirectory(dataDirectory);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(path, create))
                stream.Write(Encoding.UTF8.GetBytes(secret));
            logger.LogInformation("Made a disclosure-control secret in {Path}; give every replica the same one", path);
        }
        catch (IOException e) when (File.Exists(path))
        {
            // Another process made it first.
            logger.LogDebug(e, "The disclosure-control secret {Path} appeared while it was being made", path);
            return Load(options, dataDirectory, logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write a disclosure-control secret to {Path} ({Reason}); noise is seeded by a secret of this process only, so it changes at restart. Set {Setting}",
                path, e.Message, DisclosureOptions.Section + ":Secret");
        }

        return Encoding.UTF8.GetBytes(secret);
    }
}
