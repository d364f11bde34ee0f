using Graph.Dicom;
using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class AnnexEProfileTests
{
    [Fact]
    public void Attributes_EachListedOnce() =>
        Assert.Equal(AnnexEProfile.Attributes.Count, AnnexEProfile.Attributes.Select(a => a.Tag).Distinct().Count());

    [Fact]
    public void Allowed_HoldsNoNameAndNoRemovedAttribute()
    {
        Assert.Empty(AnnexEProfile.Allowed.Intersect(AnnexEProfile.Removed));
        Assert.DoesNotContain(AnnexEProfile.Allowed, tag => tag.DictionaryVR == DicomVR.PN);
        Assert.Contains(DicomTag.PatientName, AnnexEProfile.Removed);
        Assert.Contains(DicomTag.InstitutionName, AnnexEProfile.Removed);
    }

    [Fact]
    public void Attributes_EveryTableE11Action_IsOneOfXZDUC()
    {
        foreach (var attribute in AnnexEProfile.Attributes.Where(a => a.BasicProfile != "-"))
            Assert.Matches("^[XZDUC](/[XZDUC])*$", attribute.BasicProfile);
    }
}
