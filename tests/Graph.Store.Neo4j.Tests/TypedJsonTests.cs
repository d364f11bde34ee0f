using System.Text;
using System.Text.Json;

namespace Graph.Store.Neo4j.Tests;

/// <summary>Typed JSON as the Query API documents it: Integer and Float as text, lists and maps of typed values.</summary>
public sealed class TypedJsonTests
{
    [Fact]
    public void Request_EveryPropertyType_WritesTypedValues()
    {
        var parameters = new Dictionary<string, object?>
        {
            ["text"] = "Étude \"IRM\"",
            ["whole"] = 63_000_000_000L,
            ["real"] = 3.0,
            ["flag"] = true,
            ["list"] = new[] { "MR", "PT" },
            ["map"] = new Dictionary<string, object?> { ["gone"] = null },
        };

        var json = Encoding.UTF8.GetString(TypedJson.Request("RETURN 1", parameters));

        Assert.Equal(
            """{"statement":"RETURN 1","parameters":{"text":{"$type":"String","_value":"\u00C9tude \u0022IRM\u0022"},"whole":{"$type":"Integer","_value":"63000000000"},"real":{"$type":"Float","_value":"3.0"},"flag":{"$type":"Boolean","_value":true},"list":{"$type":"List","_value":[{"$type":"String","_value":"MR"},{"$type":"String","_value":"PT"}]},"map":{"$type":"Map","_value":{"gone":{"$type":"Null","_value":null}}}}}""",
            json);
    }

    [Fact]
    public void Request_NoStatement_WritesEmptyObject()
    {
        Assert.Equal("{}", Encoding.UTF8.GetString(TypedJson.Request(null, null)));
    }

    [Fact]
    public void Read_TypedValues_GiveClrValues()
    {
        using var document = JsonDocument.Parse(
            """[{"$type":"Integer","_value":"9007199254740993"},{"$type":"Float","_value":"1.5"},{"$type":"Float","_value":"NaN"},{"$type":"Boolean","_value":false},{"$type":"Null","_value":null},{"$type":"List","_value":[{"$type":"String","_value":"a"}]},{"$type":"Map","_value":{"k":{"$type":"Integer","_value":"1"}}},{"$type":"OffsetDateTime","_value":"2024-01-01T21:40:32-01:00"}]""");

        var values = (List<object?>)TypedJson.Read(document.RootElement)!;

        Assert.Equal(9007199254740993L, values[0]);
        Assert.Equal(1.5, values[1]);
        Assert.True(double.IsNaN((double)values[2]!));
        Assert.Equal(false, values[3]);
        Assert.Null(values[4]);
        Assert.Equal(["a"], (List<object?>)values[5]!);
        Assert.Equal(1L, ((Dictionary<string, object?>)values[6]!)["k"]);
        Assert.Equal("2024-01-01T21:40:32-01:00", values[7]);
    }

    [Fact]
    public void Read_PlainJson_GivesClrValues()
    {
        using var document = JsonDocument.Parse("""{"a": 1, "b": 2.5, "c": "x", "d": [true]}""");

        var map = (Dictionary<string, object?>)TypedJson.Read(document.RootElement)!;

        Assert.Equal(1L, map["a"]);
        Assert.Equal(2.5, map["b"]);
        Assert.Equal("x", map["c"]);
        Assert.Equal([true], (List<object?>)map["d"]!);
    }
}
