using Graph.Ingest.Deidentification;
using Graph.Testing;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class DeidentificationKeyTests : IDisposable
{
    private const string Secret = "0123456789abcdef-a-test-secret";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Pseudonym(DeidentificationKey key) => new PatientPseudonyms(key).Create(null, "PAT001");

    [Fact]
    public void FromOptions_NoSecret_FailsNamingTheSettings_NeverFallsBackToADefaultKey()
    {
        var error = Assert.Throws<DeidentificationException>(() => DeidentificationKey.FromOptions(new DeidentificationOptions()));

        Assert.Equal(DeidentificationProblem.Configuration, error.Problem);
        Assert.Contains("Graph:Deidentification:Secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:Deidentification:SecretFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOptions_DevelopmentSecretAllowed_GivesThePublicKey()
    {
        var key = DeidentificationKey.FromOptions(new DeidentificationOptions { UseDevelopmentSecret = true });

        Assert.Same(DeidentificationKey.Development, key);
        Assert.True(key.IsDevelopment);
    }

    [Fact]
    public void FromOptions_SecretAndFile_SecretWins()
    {
        var file = _folder.File("secret");
        File.WriteAllText(file, "a different secret in the file, long enough");

        var key = DeidentificationKey.FromOptions(new DeidentificationOptions { Secret = Secret, SecretFile = file });

        Assert.Equal(Pseudonym(DeidentificationKey.FromSecret(Secret)), Pseudonym(key));
        Assert.False(key.IsDevelopment);
    }

    [Fact]
    public void FromSecretFile_TrailingNewline_SameKeyAsTheSecretText()
    {
        var file = _folder.File("secret");
        File.WriteAllText(file, Secret + "\n");

        Assert.Equal(Pseudonym(DeidentificationKey.FromSecret(Secret)), Pseudonym(DeidentificationKey.FromSecretFile(file)));
        Assert.Equal(Pseudonym(DeidentificationKey.FromSecret(Secret)), Pseudonym(DeidentificationKey.FromOptions(new DeidentificationOptions { SecretFile = file })));
    }

    [Fact]
    public void FromSecretFile_Missing_FailsNamingTheFile()
    {
        var error = Assert.Throws<DeidentificationException>(() => DeidentificationKey.FromSecretFile(_folder.File("absent")));

        Assert.Contains("absent", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("fifteen bytes..\n\n")]
    public void FromSecret_TooShort_Fails(string secret)
    {
        var error = Assert.Throws<DeidentificationException>(() => DeidentificationKey.FromSecret(secret));

        Assert.Contains("at least 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheSecret() =>
        Assert.DoesNotContain("0123456789", DeidentificationKey.FromSecret(Secret).ToString(), StringComparison.Ordinal);

    [Fact]
    public void Development_DiffersFromAnyConfiguredKey() =>
        Assert.NotEqual(Pseudonym(DeidentificationKey.Development), Pseudonym(DeidentificationKey.FromSecret(Secret)));
}
