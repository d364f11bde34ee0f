using System.Text;
using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class Base32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encode_Rfc4648Vectors_MatchWithoutPadding(string text, string expected) =>
        Assert.Equal(expected, Base32.Encode(Encoding.ASCII.GetBytes(text)));
}
