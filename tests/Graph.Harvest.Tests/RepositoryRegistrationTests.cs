using Graph.Ingest.Harvest;

namespace Graph.Harvest.Tests;

public sealed class RepositoryRegistrationTests
{
    [Theory]
    [InlineData("https://pacs.example.org/dicom-web", null)]
    [InlineData("http://127.0.0.1:8042/dicom-web/", null)]
    [InlineData("", "is missing")]
    [InlineData("pacs.example.org/dicom-web", "not an absolute http or https URL")]
    [InlineData("https://reader:pw@pacs.example.org/dicom-web", "holds credentials")]
    [InlineData("https://pacs.example.org/dicom-web?token=x", "has a query or fragment")]
    public void CheckBaseUrl_Url_SaysWhetherItCanBeHarvested(string url, string? problem)
    {
        var result = RepositoryRegistration.CheckBaseUrl(url);

        if (problem is null)
            Assert.Null(result);
        else
            Assert.Contains(problem, result, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryFieldWrong_ListsEveryReason()
    {
        var registration = new RepositoryRegistration { Slug = "Bad Slug", Name = " ", BaseUrl = "nope", Country = "es", Contact = new string('c', 301) };

        var errors = registration.Validate();

        Assert.Equal(5, errors.Count);
    }

    [Theory]
    [InlineData("https://neuro-leuven.example/x nat", "holds a space")]
    [InlineData("https://pacs.example.org/a\"b", "holds the character '\"'")]
    [InlineData("https://pacs.example.org/a>b", "holds the character '>'")]
    [InlineData("https://pacs.example.org/a<b", "holds the character '<'")]
    [InlineData("https://pacs.example.org/{}", "holds the character '{'")]
    [InlineData("https://pacs.example.org/a|b", "holds the character '|'")]
    [InlineData("https://pacs.example.org/a^b", "holds the character '^'")]
    [InlineData("https://pacs.example.org/a`b", "holds the character '`'")]
    [InlineData("https://pacs.example.org\\dicom-web", "holds the character '\\'")]
    public void Validate_BaseUrlWithCharactersIrisForbid_RefusesNamingTheValueAndTheRule(string url, string problem)
    {
        // Regression: Uri accepted these and the raw text was stored, so the DCAT-AP access URL was an IRI RDF processors drop.
        var registration = new RepositoryRegistration { Slug = "x", Name = "X", BaseUrl = url };

        var error = Assert.Single(registration.Validate());

        Assert.StartsWith($"base URL '{url}' {problem}; it must be an absolute http or https URL", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Leuven imaging office")]
    [InlineData("imaging-office")]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("_:b0")]
    [InlineData("mailto:")]
    [InlineData("imaging@")]
    [InlineData("//imaging.example/access")]
    [InlineData("https://imaging.example/access requests")]
    [InlineData("https://reader:pw@imaging.example/access")]
    [InlineData(" ")]
    public void Validate_ContactNeitherEmailNorHttpUrl_Refuses(string contact)
    {
        // Regression: only the length was checked, and DCAT-AP published free text, relative references, javascript: and blank
        // node labels as the contact point's vcard:hasURL.
        var registration = new RepositoryRegistration { Slug = "x", Name = "X", BaseUrl = "https://pacs.example.org/", Contact = contact };

        var error = Assert.Single(registration.Validate());

        Assert.StartsWith("contact: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw@", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("imaging@example.org")]
    [InlineData("mailto:imaging@example.org")]
    [InlineData("https://hospital.example/access-requests")]
    public void Validate_ContactEmailOrHttpUrl_Accepts(string contact) =>
        Assert.Empty(new RepositoryRegistration { Slug = "x", Name = "X", BaseUrl = "https://pacs.example.org/", Contact = contact }.Validate());
}
