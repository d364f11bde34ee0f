using Graph.Domain;

namespace Graph.Domain.Tests;

/// <summary>Which addresses may be published as IRIs: absolute http(s) URLs without the characters IRIs forbid, and e-mail addresses as mailto:.</summary>
public sealed class WebAddressTests
{
    [Theory]
    [InlineData("https://pacs.example.org/dicom-web", null)]
    [InlineData("HTTP://127.0.0.1:8042/dicom-web/", null)]
    [InlineData("https://pacs.example.org/x%20nat", null)]
    [InlineData("https://neuro-leuven.example/x nat", "holds a space")]
    [InlineData("https://pacs.example.org/a\"b", "holds the character '\"'")]
    [InlineData("https://pacs.example.org/a>b", "holds the character '>'")]
    [InlineData("https://pacs.example.org/a<b", "holds the character '<'")]
    [InlineData("https://pacs.example.org/{x}", "holds the character '{'")]
    [InlineData("https://pacs.example.org/a|b", "holds the character '|'")]
    [InlineData("https://pacs.example.org/a^b", "holds the character '^'")]
    [InlineData("https://pacs.example.org/a`b", "holds the character '`'")]
    [InlineData("https://pacs.example.org\\dicom-web", "holds the character '\\'")]
    [InlineData("https://pacs.example.org/a\tb", "holds the character U+0009")]
    [InlineData("https://pacs.example.org/a\u202Eb", "holds the character U+202E")]
    [InlineData("https://pacs.example.org/100%", "'%' that is not followed by two hexadecimal digits")]
    [InlineData("https://a.example/[x]/dicom-web", "holds a '[' or ']' after its host")]
    [InlineData("https://a.example/dicom-web?q=]", "holds a '[' or ']' after its host")]
    [InlineData("http://[::1]:8042/dicom-web", null)]
    [InlineData("imaging-office", "is not an absolute http or https URL")]
    [InlineData("//pacs.example.org/dicom-web", "is not an absolute http or https URL")]
    [InlineData("https:pacs.example.org", "is not an absolute http or https URL")]
    [InlineData("javascript:alert(document.domain)", "is not an absolute http or https URL")]
    [InlineData("ftp://pacs.example.org/", "is not an absolute http or https URL")]
    [InlineData("https://reader:secret@pacs.example.org/", "holds a user name or password")]
    public void CheckHttpUrl_Text_SaysWhetherItIsAPublishableIri(string text, string? problem)
    {
        var result = WebAddress.CheckHttpUrl(text);

        if (problem is null)
        {
            Assert.Null(result);
            return;
        }

        Assert.Contains(problem, result, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckHttpUrl_CredentialsAndASpace_QuotesTheUrlWithoutThem()
    {
        var result = WebAddress.CheckHttpUrl("https://reader:secret@pacs.example.org/x nat");

        Assert.Equal("'https://…@pacs.example.org/x nat' holds a space; it must be " + WebAddress.HttpUrlRule, result);
    }

    [Theory]
    [InlineData("imaging@example.org", "mailto:imaging@example.org")]
    [InlineData(" mailto:imaging@example.org ", "mailto:imaging@example.org")]
    [InlineData("o'brien+access@uni-köln.example", "mailto:o'brien+access@uni-köln.example")]
    [InlineData("https://hospital.example/access-requests", "https://hospital.example/access-requests")]
    [InlineData("Leuven imaging office", null)]
    [InlineData("imaging-office", null)]
    [InlineData("javascript:alert(document.domain)", null)]
    [InlineData("_:b0", null)]
    [InlineData("mailto:", null)]
    [InlineData("imaging@localhost", null)]
    [InlineData("a?subject=x@example.org", null)]
    [InlineData("a b@example.org", null)]
    [InlineData("https://neuro-leuven.example/x nat", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ContactIri_Contact_IsMailtoOrTheUrlOrNothing(string? contact, string? iri)
    {
        Assert.Equal(iri, WebAddress.ContactIri(contact));
        if (contact is not null)
            Assert.Equal(iri is null, WebAddress.CheckContact(contact) is not null);
    }

    [Fact]
    public void CheckContact_FreeText_NamesTheValueAndTheRule()
    {
        var result = WebAddress.CheckContact("Leuven imaging office");

        Assert.StartsWith("'Leuven imaging office' is neither an e-mail address (imaging@hospital.example) nor an absolute http or https URL", result, StringComparison.Ordinal);
    }
}
