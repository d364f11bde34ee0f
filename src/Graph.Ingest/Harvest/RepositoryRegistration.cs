using Graph.Domain;

namespace Graph.Ingest.Harvest;

/// <summary>A repository as an operator registers it: slug, name, DICOMweb base URL, country, institution, contact.</summary>
public sealed record RepositoryRegistration
{
    private const string Credentials = "holds credentials; configure them under Graph:Harvest:Repositories instead, never in the graph";

    /// <summary>The repository's slug (lowercase letters, digits, '.', '_', '-').</summary>
    public required string Slug { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The DICOMweb root (http or https, without credentials, query or fragment).</summary>
    public required string BaseUrl { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code of the holder.</summary>
    public string? Country { get; init; }

    /// <summary>The institution that runs the repository.</summary>
    public string? Institution { get; init; }

    /// <summary>Where to ask for access: an e-mail address or an absolute http(s) URL, published in DCAT-AP as a mailto: or web link.</summary>
    public string? Contact { get; init; }

    /// <summary>What the repository holds.</summary>
    public string? Description { get; init; }

    /// <summary>The web viewer link of a study or series: an absolute http(s) URL with the placeholders {baseUrl}, {studyInstanceUid} and {seriesInstanceUid}.</summary>
    public string? ViewerUrlTemplate { get; init; }

    /// <summary>The placeholders a viewer URL template may hold; {studyInstanceUid} is required, {seriesInstanceUid} is empty in a study's link.</summary>
    public static readonly IReadOnlyList<string> ViewerPlaceholders = ["{baseUrl}", "{studyInstanceUid}", "{seriesInstanceUid}"];

    /// <summary>Why a viewer URL template gives no usable link, or null when it does.</summary>
    /// <param name="template">The template.</param>
    /// <param name="baseUrl">The repository's base URL, which {baseUrl} stands for.</param>
    public static string? CheckViewerUrlTemplate(string template, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (string.IsNullOrWhiteSpace(template))
            return "is empty; leave it out for no viewer link";
        if (template.Length > 2048)
            return "is longer than 2048 characters";
        if (!template.Contains("{studyInstanceUid}", StringComparison.Ordinal))
            return $"'{template}' has no {{studyInstanceUid}} placeholder, so every study would get the same link";
        var filled = template
            .Replace("{baseUrl}", (baseUrl ?? "").Trim().TrimEnd('/'), StringComparison.Ordinal)
            .Replace("{studyInstanceUid}", "1.2.3", StringComparison.Ordinal)
            .Replace("{seriesInstanceUid}", "1.2.3.4", StringComparison.Ordinal);
        if (filled.IndexOfAny(['{', '}']) >= 0)
            return $"'{template}' holds a placeholder other than {string.Join(", ", ViewerPlaceholders)}";
        if (!Uri.TryCreate(filled, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return $"'{template}' does not give an absolute http or https URL";
        return uri.UserInfo.Length > 0 ? "holds credentials; a viewer link is shown to every reader and must not" : null;
    }

    /// <summary>Why a base URL cannot be harvested, or null when it can.</summary>
    /// <remarks>Lenient, as Uri is, so a repository registered before <see cref="CheckBaseUrlToRegister"/> existed is still harvested.</remarks>
    public static string? CheckBaseUrl(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
            return "is missing";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return $"'{baseUrl}' is not an absolute http or https URL";
        if (uri.UserInfo.Length > 0)
            return Credentials;
        return uri.Query.Length > 0 || uri.Fragment.Length > 0 ? $"'{baseUrl}' has a query or fragment; give the DICOMweb root" : null;
    }

    /// <summary>Why a base URL cannot be registered, or null when it can: it must be harvestable and an IRI as it is written.</summary>
    /// <remarks>The URL is stored as given and published in DCAT-AP as the distribution's access URL. Uri accepts a space, a quote or a
    /// brace and escapes it when it sends a request, so the harvest works, but RDF processors drop an access URL holding one.</remarks>
    public static string? CheckBaseUrlToRegister(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
            return "is missing";
        var text = baseUrl.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
            return Credentials;
        return WebAddress.CheckHttpUrl(text) ?? CheckBaseUrl(text);
    }

    /// <summary>Every reason the registration is not acceptable; empty when it is.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (KeyRules.Check(GraphModel.Repository, Slug) is { } slugError)
            errors.Add($"slug: {slugError}.");
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
            errors.Add("name: give 1 to 200 characters.");
        if (CheckBaseUrlToRegister(BaseUrl) is { } urlError)
            errors.Add($"base URL {urlError}.");
        if (Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)))
            errors.Add($"country: '{Country}' is not an ISO 3166-1 alpha-2 code (two capital letters).");
        if (ViewerUrlTemplate is not null && CheckViewerUrlTemplate(ViewerUrlTemplate, BaseUrl) is { } viewerError)
            errors.Add($"viewerUrlTemplate: {viewerError}.");
        if (Institution is { Length: > 300 })
            errors.Add("institution: at most 300 characters.");
        if (Contact is { Length: > 300 })
            errors.Add("contact: at most 300 characters.");
        else if (Contact is not null && WebAddress.CheckContact(Contact) is { } contactError)
            errors.Add($"contact: {contactError}.");
        if (Description is { Length: > 4000 })
            errors.Add("description: at most 4000 characters.");
        return errors;
    }

    /// <summary>The Repository node, of kind DICOMweb.</summary>
    public NodeRecord ToRecord() => NodeRecord.Of(
        GraphModel.Repository,
        Slug,
        ("name", Name.Trim()),
        ("kind", "DICOMweb"),
        ("baseUrl", BaseUrl.Trim()),
        ("country", Country),
        ("institution", Institution),
        ("contact", Contact?.Trim()),
        ("description", Description),
        ("viewerUrlTemplate", ViewerUrlTemplate?.Trim()));
}
