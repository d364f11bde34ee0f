using System.Text.Json;
using Graph.Domain;

namespace Graph.Store.Neo4j.Tests.Fakes;

partial class StoredNeo4j
{
    private static List<Dictionary<string, object?>> Rows(object? rows) => ((List<object?>)rows!).Cast<Dictionary<string, object?>>().ToList();

    private static bool IsDeleted(Dictionary<string, object?> entity) => entity.GetValueOrDefault("_deleted") is true;

    private static bool IsLive(State state, string label, string key) => state.Nodes.TryGetValue((label, key), out var node) && !IsDeleted(node);

    private static Dictionary<string, object?> Tombstone(Dictionary<string, object?> entity, long seq) =>
        new(entity, StringComparer.Ordinal) { ["_deleted"] = true, ["_seq"] = seq };

    // The upsert of one row on a copy of the stored properties, or null when nothing changes.
    private static Dictionary<string, object?>? Merge(Dictionary<string, object?>? stored, Dictionary<string, object?> props, long seq, string? keyField, string? key)
    {
        var fresh = stored is null || stored.GetValueOrDefault("_seq") is null || IsDeleted(stored);
        var changed = fresh || props.Any(e => Differs(stored!.GetValueOrDefault(e.Key), e.Value));
        if (!changed)
            return null;
        var result = fresh ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(stored!, StringComparer.Ordinal);
        if (keyField is not null)
            result[keyField] = key;
        foreach (var (name, value) in props)
        {
            // Neo4j stores no null property: setting one to null removes it.
            if (value is null)
                result.Remove(name);
            else
                result[name] = value;
        }

        result["_seq"] = seq;
        result["_deleted"] = false;
        return result;
    }

    // NOT coalesce(stored = given, stored IS NULL AND given IS NULL), with Cypher's equality (1 = 1.0, lists item by item, null unknown).
    private static bool Differs(object? stored, object? given) => !(CypherEquals(stored, given) ?? (stored is null && given is null));

    private static bool? CypherEquals(object? a, object? b)
    {
        if (a is null || b is null)
            return null;
        switch (a, b)
        {
            case (long x, long y):
                return x == y;
            case (long or double, long or double):
                return Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture);
            case (List<object?> x, List<object?> y):
                if (x.Count != y.Count)
                    return false;
                var all = (bool?)true;
                for (var i = 0; i < x.Count; i++)
                {
                    var item = CypherEquals(x[i], y[i]);
                    if (item == false)
                        return false;
                    if (item is null)
                        all = null;
                }

                return all;
            default:
                return a.GetType() == b.GetType() && a.Equals(b);
        }
    }
}
