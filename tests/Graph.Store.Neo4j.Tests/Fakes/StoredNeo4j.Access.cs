using System.Text.Json;
using Graph.Domain;

namespace Graph.Store.Neo4j.Tests.Fakes;

partial class StoredNeo4j
{
    private string Access(string name, Dictionary<string, object?> p)
    {
        string Text(object? value) => QueryApiJson.Encode(value);
        switch (name)
        {
            case "AddApiKey":
                {
                    var id = (string)p["id"]!;
                    if (!_apiKeys.TryGetValue(id, out var key))
                        _apiKeys[id] = key = p.Where(e => e.Value is not null).ToDictionary(StringComparer.Ordinal);
                    return QueryApiJson.Scalar("added", QueryApiJson.Boolean(Equals(key["hash"], p["hash"])));
                }

            case "FindApiKey":
                {
                    var found = _apiKeys.GetValueOrDefault((string)p["id"]!);
                    string[] fields = ["id", "role", "owner", "grants", "createdAt", "expiresAt", "revokedAt", "hash"];
                    return QueryApiJson.Result(fields, found is null ? [] : [fields.Select(f => Text(found.GetValueOrDefault(f))).ToArray()]);
                }

            case "ListApiKeys":
                {
                    string[] fields = ["id", "role", "owner", "grants", "createdAt", "expiresAt", "revokedAt"];
                    var rows = _apiKeys.Values
                        .OrderByDescending(k => (string)k["createdAt"]!, StringComparer.Ordinal)
                        .ThenBy(k => (string)k["id"]!, StringComparer.Ordinal)
                        .Select(k => fields.Select(f => Text(k.GetValueOrDefault(f))).ToArray())
                        .ToArray();
                    return QueryApiJson.Result(fields, rows);
                }

            case "RevokeApiKey":
                {
                    var found = _apiKeys.GetValueOrDefault((string)p["id"]!);
                    if (found is not null)
                        found["revokedAt"] = found.GetValueOrDefault("revokedAt") ?? p["now"];
                    return QueryApiJson.Result(["id"], found is null ? [] : [[Text(found["id"])]]);
                }

            case "AddAccessRequest":
                {
                    var id = (string)p["id"]!;
                    if (!_accessRequests.TryGetValue(id, out var request))
                        _accessRequests[id] = request = new Dictionary<string, object?>(p, StringComparer.Ordinal);
                    return QueryApiJson.Scalar("added", QueryApiJson.Boolean(Equals(request["body"], p["body"])));
                }

            case "FindAccessRequest":
                {
                    var found = _accessRequests.GetValueOrDefault((string)p["id"]!);
                    return QueryApiJson.Result(["body"], found is null ? [] : [[Text(found["body"])]]);
                }

            case "ListAccessRequests":
                {
                    var rows = _accessRequests.Values
                        .Where(r => p["requester"] is null || Equals(r["requester"], p["requester"]))
                        .OrderByDescending(r => (string)r["createdAt"]!, StringComparer.Ordinal)
                        .ThenBy(r => (string)r["id"]!, StringComparer.Ordinal)
                        .Select(r => new[] { Text(r["body"]) })
                        .ToArray();
                    return QueryApiJson.Result(["body"], rows);
                }

            case "ReplaceAccessRequest":
                {
                    var found = _accessRequests.GetValueOrDefault((string)p["id"]!);
                    if (found is null || !Equals(found["version"], p["expected"]))
                        return QueryApiJson.Result(["id"]);
                    found["version"] = p["version"];
                    found["body"] = p["body"];
                    return QueryApiJson.Result(["id"], [Text(found["id"])]);
                }

            default:
                throw new NotSupportedException($"The fake does not serve {name}.");
        }
    }
}
