using System.Text.Json.Nodes;
using Graph.Harvest.Tests.Support;
using Graph.Testing;

namespace Graph.Harvest.Tests;

/// <summary>The addRepository and removeRepository mutations.</summary>
public sealed class RepositoryMutationTests
{
    [Fact]
    public async Task AddRepository_ThenRemoveRepository_RegistersAndDeletesTheNode()
    {
        using var folder = new TempDirectory();
        await using var service = HarvestService.Create(folder.Path, new Dictionary<string, string?>());
        await service.StartAsync();

        var added = await service.PostAsync("""
            mutation {
              addRepository(input: { slug: "hospital-m", name: "Synthetic Hospital M", baseUrl: "https://pacs.example.org/dicom-web", country: "de", contact: "imaging@example.org" }) {
                slug name country kind baseUrl contact datasets { totalCount } harvestRuns { totalCount }
              }
            }
            """);
        var removed = await service.PostAsync("""mutation { removeRepository(slug: "hospital-m") { slug datasets harvestRuns } }""");
        var after = await service.PostAsync("""{ repositoryByKey(key: "hospital-m") { slug } }""");

        Assert.Equal(
            JsonNode.Parse("""
                {"data":{"addRepository":{"slug":"hospital-m","name":"Synthetic Hospital M","country":"DE","kind":"DICOMweb",
                "baseUrl":"https://pacs.example.org/dicom-web","contact":"imaging@example.org","datasets":{"totalCount":0},"harvestRuns":{"totalCount":0}}}}
                """)!.ToJsonString(),
            added.ToJsonString());
        Assert.Equal("""{"data":{"removeRepository":{"slug":"hospital-m","datasets":[],"harvestRuns":0}}}""", removed.ToJsonString());
        Assert.Equal("""{"data":{"repositoryByKey":null}}""", after.ToJsonString());
    }

    [Fact]
    public async Task RepositoryMutations_BadInputOrUnknownSlug_AnswerWithErrorCodes()
    {
        using var folder = new TempDirectory();
        await using var service = HarvestService.Create(folder.Path, new Dictionary<string, string?>());
        await service.StartAsync();

        var credentials = await service.PostAsync("""
            mutation { addRepository(input: { slug: "h", name: "H", baseUrl: "https://user:pw@pacs.example.org/" }) { slug } }
            """);
        var unknown = await service.PostAsync("""mutation { removeRepository(slug: "nowhere") { slug } }""");

        Assert.Equal("BAD_USER_INPUT", (string?)credentials["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("holds credentials", (string?)credentials["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", (string?)unknown["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task AddRepository_ViewerUrlTemplate_StoredAndBadOnesAnsweredWithCodedErrors()
    {
        using var folder = new TempDirectory();
        await using var service = HarvestService.Create(folder.Path, new Dictionary<string, string?>());
        await service.StartAsync();
        const string Template = "https://viewer.example.org/ohif/viewer?url={baseUrl}&StudyInstanceUIDs={studyInstanceUid}&SeriesInstanceUIDs={seriesInstanceUid}";

        var added = await service.PostAsync($$"""
            mutation { addRepository(input: { slug: "hospital-v", name: "V", baseUrl: "https://pacs.example.org/dicom-web", viewerUrlTemplate: "{{Template}}" }) {
              slug viewerUrlTemplate } }
            """);
        Assert.Null(added["errors"]);
        Assert.Equal(Template, (string?)added["data"]!["addRepository"]!["viewerUrlTemplate"]);

        // Each bad template is refused with its reason, naming the input; the stored template stays.
        foreach (var (template, reason) in new[]
        {
            ("javascript:alert(1)//{studyInstanceUid}", "does not give an absolute http or https URL"),
            ("/ohif/viewer?StudyInstanceUIDs={studyInstanceUid}", "does not give an absolute http or https URL"),
            ("https://viewer.example.org/?s={studyInstanceUid}&p={patientId}", "placeholder other than {baseUrl}, {studyInstanceUid}, {seriesInstanceUid}"),
            ("https://viewer.example.org/viewer", "no {studyInstanceUid} placeholder"),
            ("https://me:secret@viewer.example.org/?s={studyInstanceUid}", "holds credentials"),
            ("  ", "is empty"),
        })
        {
            var refused = await service.PostAsync(
                "mutation { addRepository(input: { slug: \"hospital-v\", name: \"V\", baseUrl: \"https://pacs.example.org/dicom-web\", "
                + $"viewerUrlTemplate: \"{template}\" }}) {{ slug }} }}");
            Assert.Equal("BAD_USER_INPUT", (string?)refused["errors"]![0]!["extensions"]!["code"]);
            var message = (string?)refused["errors"]![0]!["message"];
            Assert.Contains("viewerUrlTemplate: ", message, StringComparison.Ordinal);
            Assert.Contains(reason, message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
        }

        var kept = await service.PostAsync("""{ repositoryByKey(key: "hospital-v") { viewerUrlTemplate } }""");
        Assert.Equal(Template, (string?)kept["data"]!["repositoryByKey"]!["viewerUrlTemplate"]);
    }

    [Fact]
    public async Task AddRepository_BaseUrlOrContactThatIsNoIri_RefusedNamingTheValueAndNothingStored()
    {
        // Regression: these were accepted, and /datasets/{slug}/dcat published them as @id values that RDF processors drop
        // ("x nat"), resolve against the harvester's location ("imaging-office") or take for a blank node ("_:b0").
        using var folder = new TempDirectory();
        await using var service = HarvestService.Create(folder.Path, new Dictionary<string, string?>());
        await service.StartAsync();

        foreach (var (baseUrl, contact, reason) in new[]
        {
            ("https://neuro-leuven.example/x nat", "imaging@example.org", "base URL 'https://neuro-leuven.example/x nat' holds a space; it must be an absolute http or https URL"),
            ("https://neuro-leuven.example/{x}", "imaging@example.org", "base URL 'https://neuro-leuven.example/{x}' holds the character '{'"),
            ("https://neuro-leuven.example/x^y", "imaging@example.org", "base URL 'https://neuro-leuven.example/x^y' holds the character '^'"),
            ("https://neuro-leuven.example/x", "Leuven imaging office", "contact: 'Leuven imaging office' is neither an e-mail address"),
            ("https://neuro-leuven.example/x", "imaging-office", "contact: 'imaging-office' is neither an e-mail address"),
            ("https://neuro-leuven.example/x", "javascript:alert(document.domain)", "contact: 'javascript:alert(document.domain)' is neither an e-mail address"),
            ("https://neuro-leuven.example/x", "_:b0", "contact: '_:b0' is neither an e-mail address"),
        })
        {
            var refused = await service.PostAsync(
                "mutation($input: AddRepositoryInput!) { addRepository(input: $input) { slug } }",
                new { input = new { slug = "x", name = "X", baseUrl, contact } });

            Assert.Equal("BAD_USER_INPUT", (string?)refused["errors"]![0]!["extensions"]!["code"]);
            Assert.Contains(reason, (string?)refused["errors"]![0]!["message"], StringComparison.Ordinal);
        }

        var stored = await service.PostAsync("""{ repositoryByKey(key: "x") { slug } }""");
        Assert.Equal("""{"data":{"repositoryByKey":null}}""", stored.ToJsonString());
    }
}
