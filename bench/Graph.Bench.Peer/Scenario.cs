using System.Text.Json;

namespace Graph.Bench.Peer;

/// <summary>One benchmark scenario: the request bodies each side is sent and how to reduce an answer of each side to a canonical
/// text, so that both sides can be shown to give the same answers.</summary>
/// <param name="WarmUp">0: the bodies are cycled, in warm-up and timing alike (repeated requests). Otherwise a stream of distinct
/// requests: the first <paramref name="WarmUp"/> are cycled for warm-up, the rest are sent once each, in order, while timing.</param>
/// <param name="Describe">The logical request behind body i, to name it when the sides disagree.</param>
/// <param name="Representative">The request whose query plans are shown (default: the first timed one).</param>
internal sealed record Scenario(
    string Name,
    IReadOnlyList<byte[]> Ours,
    IReadOnlyList<byte[]> Peer,
    Func<JsonElement, string> OursAnswer,
    Func<JsonElement, string> PeerAnswer,
    int WarmUp = 0,
    Func<int, string>? Describe = null,
    int? Representative = null)
{
    public bool Distinct => WarmUp > 0;
}
