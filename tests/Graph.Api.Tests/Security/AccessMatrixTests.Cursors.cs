using System.Buffers.Text;
using System.Text;

namespace Graph.Api.Tests.Security;

// Cursors as an attacker uses them: forged, tampered, replayed from another caller's page, read for the positions they hold.
partial class AccessMatrixTests
{
    private const string SortedPage = "patients(first: 1, after: \"{0}\", order: [{{ ageAtDiagnosis: {1} }}]) {{ nodes {{ pseudonym ageAtDiagnosis }} }}";

    [Theory]
    [InlineData("anonymous")]
    [InlineData("researcher")]
    public async Task ForgedCursors_InAnOrder_AreRefusedAndTellNothingOfTheRecordsTheyName(string role)
    {
        // The attack that worked: a cursor made for any position, in both orders, gave the first readable record at or beyond
        // that position's own value, so the age of every unreadable patient could be read off. Every position of the catalogue
        // is tried, readable or not.
        for (var ordinal = 0; ordinal < _patients.Count; ordinal += 10)
        {
            var forged = Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"o1:{ordinal}"));
            var body = await PostAsync(role, "{ up: " + string.Format(SortedPage, forged, "ASC") + " down: " + string.Format(SortedPage, forged, "DESC") + " }");

            Assert.Equal(["BAD_USER_INPUT", "BAD_USER_INPUT"], Responses.Codes(body));
            Assert.All(body["errors"]!.AsArray(), e => Assert.Contains("is not a cursor of this service", (string)e!["message"]!, StringComparison.Ordinal));
            Assert.True(body["data"] is null || (body["data"]!["up"] is null && body["data"]!["down"] is null), body.ToJsonString());
        }
    }

    [Fact]
    public async Task CursorsOfAnotherCallersPage_InAnOrder_WorkOnlyForRecordsTheCallerReads()
    {
        // A curator's page in age order, with the cursor of every patient (shared in a link, say).
        var curator = await PostAsync("admin", "{ patients(first: 1000, order: [{ ageAtDiagnosis: ASC }]) { edges { cursor node { pseudonym } } } }");
        var cursors = curator["data"]!["patients"]!["edges"]!.AsArray().ToDictionary(e => (string)e!["node"]!["pseudonym"]!, e => (string)e!["cursor"]!);
        var restricted = _patients.First(p => p.Datasets.Count > 0 && p.Datasets.All(d => d.Slug == _restricted)).Pseudonym;
        var open = _patients.First(p => p.Datasets.Count > 0 && p.Datasets.All(d => d.Tier == "open")).Pseudonym;

        foreach (var (role, reads) in new[] { ("anonymous", false), ("researcher", false), ("granted", true), ("curator", true) })
        {
            var body = await PostAsync(role, "{ " + string.Format(SortedPage, cursors[restricted], "ASC") + " }");
            if (reads)
            {
                Assert.Empty(Responses.Codes(body));
            }
            else
            {
                // Refused: the page would start from the values of a record the caller may not read; so through a relationship.
                Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(body));
                Assert.Contains("not in your view", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
                var related = await PostAsync(role, "{ cancerTypes(first: 1) { nodes { " + string.Format(SortedPage, cursors[restricted], "DESC") + " } } }");
                Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(related));
            }

            // A record every role reads is a place to page from for each.
            Assert.Empty(Responses.Codes(await PostAsync(role, "{ " + string.Format(SortedPage, cursors[open], "ASC") + " }")));
        }
    }

    [Fact]
    public async Task Cursors_HoldNoPositionAndATamperedOneIsRefused()
    {
        // Positions would count the records between two readable ones: the cursors of an anonymous visitor's whole list say
        // nothing a decoder can read, and no two are alike.
        var body = await PostAsync("anonymous", """
            { patients(first: 1000) { edges { cursor } }
              search(text: "synthetic", first: 5) { endCursor hits { cursor } } }
            """);
        Assert.Empty(Responses.Codes(body));
        var cursors = body["data"]!["patients"]!["edges"]!.AsArray().Select(e => (string)e!["cursor"]!)
            .Concat(body["data"]!["search"]!["hits"]!.AsArray().Select(h => (string)h!["cursor"]!)).ToList();
        Assert.True(cursors.Count > 20, $"{cursors.Count} cursors");
        Assert.Equal(cursors.Count, cursors.Distinct().Count());
        foreach (var cursor in cursors)
        {
            var bytes = Base64Url.DecodeFromChars(cursor);
            Assert.Equal(0, bytes.Length % 16);
            var text = Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain("o1:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("search:", text, StringComparison.Ordinal);
        }

        // One character changed anywhere: refused, for pages and searches alike.
        var page = cursors[0];
        var hit = (string)body["data"]!["search"]!["endCursor"]!;
        foreach (var at in new[] { 0, page.Length / 2, page.Length - 2 })
        {
            var tampered = page[..at] + (page[at] == 'A' ? 'B' : 'A') + page[(at + 1)..];
            Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(await PostAsync("anonymous", $$"""{ patients(first: 1, after: "{{tampered}}") { totalCount } }""")));
        }

        var changed = hit[..5] + (hit[5] == 'A' ? 'B' : 'A') + hit[6..];
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(await PostAsync("anonymous", $$"""{ search(text: "synthetic", after: "{{changed}}") { totalCount } }""")));

        // A page's cursor is no search cursor, nor the other way round.
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(await PostAsync("anonymous", $$"""{ search(text: "synthetic", after: "{{page}}") { totalCount } }""")));
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(await PostAsync("anonymous", $$"""{ patients(after: "{{hit}}") { totalCount } }""")));
    }
}
