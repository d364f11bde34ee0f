namespace Graph.Reliability.Tests.Hostile;

/// <summary>One generated request: a POST body (raw bytes, maybe not even JSON) or a GET query string, and what kind of attack it is.</summary>
internal sealed record HostileRequest(string Kind, byte[]? Body, string? QueryString)
{
    public override string ToString()
    {
        var text = Body is null ? "GET ?" + QueryString : System.Text.Encoding.UTF8.GetString(Body);
        return $"{Kind} ({(Body?.Length ?? QueryString!.Length):N0} bytes): {(text.Length > 600 ? text[..600] + "..." : text)}";
    }
}
