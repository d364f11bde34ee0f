using System.Text.RegularExpressions;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Tests.Dicom.Support;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class PatientPseudonymsTests
{
    private readonly PatientPseudonyms _pseudonyms = new(IngestScenario.Key);

    [Theory]
    [InlineData("", "PAT001", "PSN-QNGVP7XL5SCYR5QNQ6KKLJGTVM")]
    [InlineData("HOSPITAL-A", "PAT001", "PSN-PVUTG5VVK2W67FJACC2YH2UOLE")]
    public void Create_KnownSecret_GivesTheValueAnIndependentHmacGives(string issuer, string id, string expected) =>
        // Expected values from Python: hmac and base64.b32encode over the documented derivation and message.
        Assert.Equal(expected, _pseudonyms.Create(issuer, id));

    [Fact]
    public void Create_SameInput_SamePseudonym_AndNullIssuerIsEmpty()
    {
        Assert.Equal(_pseudonyms.Create(null, "12345"), new PatientPseudonyms(IngestScenario.Key).Create(string.Empty, "12345"));
    }

    [Fact]
    public void Create_AnyInput_IsPsnAndBase32Of16Bytes() =>
        Assert.Matches(new Regex("^PSN-[A-Z2-7]{26}$"), _pseudonyms.Create("Issuer with spaces", "ünïcode id 42"));

    [Fact]
    public void Create_OtherSecret_OtherPseudonym() =>
        Assert.NotEqual(_pseudonyms.Create(null, "PAT001"), new PatientPseudonyms(DeidentificationKey.FromSecret("another secret, also long enough")).Create(null, "PAT001"));

    [Fact]
    public void Create_IssuerBoundaryMoved_OtherPseudonym() =>
        Assert.NotEqual(_pseudonyms.Create("A", "BC"), _pseudonyms.Create("AB", "C"));

    [Fact]
    public void Create_PseudonymAndRemappedUidOfOneValue_UseDifferentKeys() =>
        Assert.DoesNotContain(
            _pseudonyms.Create(null, "1.2.3")[4..],
            new UidRemapper(IngestScenario.Key).Remap("1.2.3"),
            StringComparison.Ordinal);
}
