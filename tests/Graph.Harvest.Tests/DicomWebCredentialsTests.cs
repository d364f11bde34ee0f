using Graph.Ingest.Harvest;
using Graph.Testing;

namespace Graph.Harvest.Tests;

public sealed class DicomWebCredentialsTests
{
    [Fact]
    public void FromFile_UserAndPassword_SendsBasicAuthenticationAndNamesNeitherUserNorPassword()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("credentials"), "reader:p:a:s:s\n");

        var credentials = DicomWebCredentials.FromFile(folder.File("credentials"));

        Assert.Equal("Basic", credentials.Header()!.Scheme);
        Assert.Equal("reader:p:a:s:s", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(credentials.Header()!.Parameter!)));
        Assert.Equal("basic authentication", credentials.ToString());
    }

    [Fact]
    public void FromFile_BearerLine_SendsTheToken()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("token"), "Bearer eyJ0b2tlbg\n");

        var header = DicomWebCredentials.FromFile(folder.File("token")).Header()!;

        Assert.Equal(("Bearer", "eyJ0b2tlbg"), (header.Scheme, header.Parameter));
    }

    [Fact]
    public void FromFile_NeitherForm_ThrowsNamingTheFileButNotItsContent()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("credentials"), "just-a-secret-word");

        var error = Assert.Throws<ArgumentException>(() => DicomWebCredentials.FromFile(folder.File("credentials")));

        Assert.Contains(folder.File("credentials"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("just-a-secret-word", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_TwoKindsConfigured_ThrowsNamingTheRepository()
    {
        var settings = new RepositoryHarvestSettings { Username = "reader", Password = "pw-Secret-123", BearerToken = "token-Secret-456" };

        var error = Assert.Throws<ArgumentException>(() => settings.Credentials("hospital-a"));

        Assert.Contains("hospital-a", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", error.Message + settings, StringComparison.Ordinal);
    }
}
