using System.Text.Json;

namespace Graph.Bench.Peer;

/// <summary>One benchmark scenario: the request bodies each side is sent (cycled through) and how to reduce an answer of each
/// side to a canonical text, so that both sides can be shown to give the same answers.</summary>
internal sealed record Scenario(
    string Name,
    IReadOnlyList<byte[]> Ours,
    IReadOnlyList<byte[]> Peer,
    Func<JsonElement, string> OursAnswer,
    Func<JsonElement, string> PeerAnswer);
