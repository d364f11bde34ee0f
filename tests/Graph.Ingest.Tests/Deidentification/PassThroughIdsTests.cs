using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class PassThroughIdsTests
{
    private static readonly string[] Name = ["Doe", "Janeth"];

    [Theory]
    [InlineData("TCGA-02-0001")]
    [InlineData("LIDC-IDRI-0001")]
    [InlineData("Prostate-MRI-US-Biopsy-0001")]
    [InlineData("PSN-QNGVP7XL5SCYR5QNQ6KKLJGTVM")]
    [InlineData("case_042")]
    [InlineData("urn:x:17")]
    [InlineData("1")]
    public void Problem_PublishedPseudonym_None(string id) => Assert.Null(PassThroughIds.Problem(id, Name));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Doe^Janeth", "other than letters")]
    [InlineData("JANE DOE 1", "other than letters")]
    [InlineData("Müller-7", "other than letters")]
    [InlineData("Bartholomew", "no digit")]
    [InlineData("JANETH-1958", "part of a person's name")]
    [InlineData("xdoex7", "part of a person's name")]
    public void Problem_IdThatMayHoldAName_Named(string id, string reason)
    {
        var problem = PassThroughIds.Problem(id, Name);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        if (id.Length > 0)
            Assert.DoesNotContain(id, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_TooLong_Named() =>
        Assert.Contains("longer than 64", PassThroughIds.Problem(new string('7', 65), Name), StringComparison.Ordinal);
}
