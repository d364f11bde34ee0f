using System.Text;

namespace Graph.Reliability.Tests.Hostile;

partial class HostileGenerator
{
    private string Aliases()
    {
        string[] expensive =
        [
            "series(first: 1000) { totalCount facets(fields: [\"modality\", \"bodyPart\", \"manufacturer\", \"patient.sex\", \"datasets.slug\"]) { values { value count } } }",
            "cohortPreview(criteria: { patients: { ageAtDiagnosis: { gte: 1 } }, series: { modality: { neq: \"XX\" } } }) { patients { value } series { value } datasets { value } }",
            "search(text: \"s\", first: 200) { totalCount hits { score } }",
            "patients(first: 1000) { nodes { studies { nodes { series { totalCount } } } } }",
            "catalogueStatistics { series { value } }",
        ];
        var field = expensive[_random.Next(expensive.Length)];
        var count = _random.Next(10, 4000);
        var text = new StringBuilder("{ ");
        for (var i = 0; i < count && text.Length < 250_000; i++)
            text.Append('a').Append(i).Append(": ").Append(field).Append(' ');
        return text.Append('}').ToString();
    }

    private string FragmentBomb()
    {
        // "Billion laughs": each fragment spreads the next one several times; also cycles, which validation must reject.
        var levels = _random.Next(5, 40);
        var width = _random.Next(2, 10);
        var text = new StringBuilder("{ ...F0 } ");
        for (var i = 0; i < levels; i++)
        {
            var next = i + 1 < levels ? $"F{i + 1}" : (_random.Next(3) == 0 ? "F0" : null);
            var spreads = next is null ? "catalogueStatistics { series { value } } __typename" : string.Join(" ", Enumerable.Repeat("..." + next, width));
            text.Append("fragment F").Append(i).Append(" on Query { ").Append(spreads).Append(" } ");
        }

        return text.ToString();
    }

    private string Huge() => _random.Next(5) switch
    {
        0 => "{ search(text: " + HostileStrings.GraphQLLiteral(HostileStrings.Huge(_random)) + ") { totalCount } }",
        1 => "{ nodes(ids: [" + string.Join(",", Enumerable.Range(0, _random.Next(1_000, 20_000)).Select(i => HostileStrings.GraphQLLiteral("UGF0aWVudDo" + i))) + "]) { id } }",
        2 => "{ series(where: { modality: { in: [" + string.Join(",", Enumerable.Range(0, _random.Next(1_000, 30_000)).Select(i => "\"M" + i + "\"")) + "] } }) { totalCount } }",
        3 => "{ " + new string('a', _random.Next(1_000, 200_000)) + " }",
        _ => "{ patients(first: 1000, where: { pseudonym: { contains: " + HostileStrings.GraphQLLiteral(HostileStrings.RandomUnicode(_random, 50_000)) + " } }) { totalCount } }",
    };

    private HostileRequest Variables()
    {
        var text = Selection("Query", 0, maxDepth: 3);
        if (_definitions.Count == 0)
        {
            _definitions.Add("$x: [[String!]!]");
            _values["x"] = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));
        }

        if (_random.Next(2) == 0)
            _values["unused" + _random.Next(10)] = HostileStrings.JsonLiteral(HostileStrings.Huge(_random));
        return Post("variables", "{ " + text + " }");
    }

    private string Garbage()
    {
        string[] tokens = ["{", "}", "(", ")", "[", "]", ":", "...", "@", "$", "!", "=", "query", "mutation", "fragment", "on", "series", "\"", "\"\"\"", "#", ",", "1", "-", "\\u0000", "\n"];
        return _random.Next(4) switch
        {
            0 => new string('{', _random.Next(1_000, 100_000)),
            1 => "{ " + string.Concat(Enumerable.Repeat("series { nodes { ", _random.Next(100, 5_000))),
            2 => "query { series(where: " + string.Concat(Enumerable.Repeat("{ and: [", _random.Next(100, 5_000))) + " }",
            _ => string.Join(" ", Enumerable.Range(0, _random.Next(1, 400)).Select(_ => tokens[_random.Next(tokens.Length)])),
        };
    }

    private string Directives()
    {
        var count = _random.Next(10, 5_000);
        var directive = _random.Next(3) switch
        {
            0 => "@skip(if: false)",
            1 => "@include(if: true)",
            _ => "@unknown(x: 1)",
        };
        return "{ catalogueStatistics " + string.Concat(Enumerable.Repeat(directive + " ", count)) + "{ series { value } } }";
    }

    private string Introspection()
    {
        var depth = _random.Next(5, 200);
        var type = string.Concat(Enumerable.Repeat("ofType { name ", depth)) + string.Concat(Enumerable.Repeat("} ", depth));
        return _random.Next(2) == 0
            ? "{ __schema { types { name fields(includeDeprecated: true) { name args { name type { name " + type + "} } type { name " + type + "} } } } }"
            : "{ __type(name: " + HostileStrings.GraphQLLiteral(HostileStrings.Any(_random)) + ") { name kind } }";
    }

    private HostileRequest RawBody()
    {
        byte[][] bodies =
        [
            [0xC0, 0xAF, 0xFF, 0xFE],
            Encoding.UTF8.GetBytes("{\"query\":\"{ catalogueStatistics { series { value } } }\"").Concat(new byte[] { 0xED, 0xA0, 0x80 }).ToArray(),
            [.. Encoding.UTF8.GetBytes("{\"query\":\"{ search(text: \\\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\\\") { totalCount } }\"}")],
            [.. Encoding.UTF8.GetBytes("[{\"query\":\"{ __typename "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" }\"}]")],
            [.. Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":{\"a\":\""), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\"}}")],
            Encoding.UTF8.GetBytes("{\"query\":\"{ catalogueStatistics { series { value } } }\",\"query\":\"{ __typename }\"}"),
            Encoding.UTF8.GetBytes("{\"query\":123}"),
            Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":\"{\\\"a\\\":1}\"}"),
            Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":[1,2]}"),
            Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"x\"}}}"),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[", 10_000))),
            Encoding.UTF8.GetBytes("{\"query\":\"" + new string('a', 300_000) + "\"}"),
            Encoding.UTF8.GetBytes("null"),
            Encoding.UTF8.GetBytes("\"{ __typename }\""),
            [],
            Encoding.UTF8.GetBytes("{\"query\":\"query A { __typename } query B { __typename }\",\"operationName\":\"C\"}"),
            Encoding.UTF8.GetBytes("{\"query\":\"query A { __typename } query B { __typename }\"}"),
            Encoding.UTF8.GetBytes("{\"query\":\"subscription { __typename }\"}"),
        ];
        return new HostileRequest("body", bodies[_random.Next(bodies.Length)], null);
    }

    private HostileRequest Batch()
    {
        var count = _random.Next(0, 30);
        var items = Enumerable.Range(0, count).Select(_ => _random.Next(4) switch
        {
            0 => "{\"query\":\"mutation { saveCohort(input: { name: \\\"batched\\\", criteria: {} }) { cohortId } }\"}",
            1 => "1",
            2 => "{\"query\":" + HostileStrings.JsonLiteral("{ " + Selection("Query", 0, 3) + " }") + "}",
            _ => "{\"query\":\"{ catalogueStatistics { series { value } } }\"}",
        });
        return new HostileRequest("batch", Encoding.UTF8.GetBytes("[" + string.Join(",", items) + "]"), null);
    }

    private HostileRequest Get()
    {
        var query = _random.Next(3) == 0
            ? "mutation { saveCohort(input: { name: \"over GET\", criteria: {} }) { cohortId } }"
            : "{ " + Selection("Query", 0, 4) + " }";
        var parts = new List<string> { "query=" + Uri.EscapeDataString(query) };
        if (_random.Next(3) == 0)
            parts.Add("variables=" + Uri.EscapeDataString(_random.Next(2) == 0 ? "not json" : "{\"a\":[1,{\"b\":null}]}"));
        if (_random.Next(5) == 0)
            parts.Add("operationName=Missing");
        return new HostileRequest("get", null, string.Join("&", parts));
    }
}
