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
}
