namespace Graph.Ingest.Harvest;

/// <summary>How the service harvests one repository (configuration section "Graph:Harvest:Repositories:SLUG").</summary>
/// <remarks>
/// Credentials: CredentialsFile (one line, USER:PASSWORD or "Bearer TOKEN"), else Username and Password, else
/// BearerToken; none when nothing is set. Keep secrets out of appsettings.json: use a secret file, environment
/// variables (Graph__Harvest__Repositories__SLUG__Password) or a secret store. They never enter the graph nor the logs.
/// </remarks>
public sealed class RepositoryHarvestSettings
{
    /// <summary>Whether the service harvests the repository on schedule; off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Minutes between the end of one run and the start of the next.</summary>
    public double IntervalMinutes { get; set; } = 60;

    /// <summary>The slug of the dataset the harvested patients belong to.</summary>
    public string? Dataset { get; set; }

    /// <summary>Whether every run reads every study again, ignoring fingerprints.</summary>
    public bool Full { get; set; }

    /// <summary>A secret file holding the credentials: USER:PASSWORD or "Bearer TOKEN".</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>The user name for HTTP Basic authentication.</summary>
    public string? Username { get; set; }

    /// <summary>The password for HTTP Basic authentication.</summary>
    public string? Password { get; set; }

    /// <summary>A bearer token.</summary>
    public string? BearerToken { get; set; }

    /// <summary>The credentials the settings give.</summary>
    /// <exception cref="ArgumentException">More than one kind is set, a user name lacks its password, or the file cannot be used.</exception>
    public DicomWebCredentials Credentials(string repository)
    {
        var kinds = (CredentialsFile is { Length: > 0 } ? 1 : 0) + (Username is { Length: > 0 } ? 1 : 0) + (BearerToken is { Length: > 0 } ? 1 : 0);
        if (kinds > 1)
            throw new ArgumentException($"Repository '{repository}': set one of CredentialsFile, Username and Password, or BearerToken.");
        if (CredentialsFile is { Length: > 0 } file)
            return DicomWebCredentials.FromFile(file);
        if (Username is { Length: > 0 } username)
        {
            return Password is not null
                ? DicomWebCredentials.Basic(username, Password)
                : throw new ArgumentException($"Repository '{repository}': Username is set without Password.");
        }

        return BearerToken is { Length: > 0 } token ? DicomWebCredentials.Bearer(token) : DicomWebCredentials.None;
    }

    /// <summary>Describes the settings without any secret.</summary>
    public override string ToString() =>
        $"enabled: {Enabled}, every {IntervalMinutes} min, dataset: {Dataset ?? "(none)"}, credentials: "
        + (CredentialsFile is not null ? "file" : Username is not null ? "basic" : BearerToken is not null ? "bearer" : "none");
}
