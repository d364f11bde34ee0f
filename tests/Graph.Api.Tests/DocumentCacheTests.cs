using Graph.Api.Schema.Execution;
using Graph.Api.Security;
using GraphQLParser;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

/// <summary>Validated documents are kept by query text and reused; invalid ones never are; variables are still checked.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class DocumentCacheTests(CatalogueFactory service)
{
    private DocumentCache Documents => service.Services.GetRequiredService<CatalogExecutor>().Documents;

    [Fact]
    public async Task Post_SameQueryTwice_CachesItsDocumentAndAnswersAlike()
    {
        const string query = "{ datasets(first: 3) { totalCount nodes { slug } } } # document cache: twice";

        var first = await service.DataAsync(query);
        Assert.True(Documents.TryGet(query, out var cached));
        var second = await service.DataAsync(query);

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.True(Documents.TryGet(query, out var after));
        Assert.Same(cached, after);
    }

    [Fact]
    public async Task Post_InvalidQuery_IsNeverCachedAndFailsEveryTime()
    {
        const string query = "{ datasets { nodes { nonsense } } } # document cache: invalid";

        for (var i = 0; i < 2; i++)
        {
            var body = await service.PostAsync(query);
            Assert.Equal("FIELDS_ON_CORRECT_TYPE", (string)body["errors"]![0]!["extensions"]!["code"]!);
        }

        Assert.False(Documents.TryGet(query, out _));
    }

    [Fact]
    public async Task Post_CachedQueryWithVariablesOfTheWrongType_StillReportsTheVariable()
    {
        const string query = "query($first: Int!) { datasets(first: $first) { totalCount nodes { slug } } } # document cache: variables";
        var good = await service.DataAsync(query, new { first = 2 });
        Assert.Equal(2, good["datasets"]!["nodes"]!.AsArray().Count);
        Assert.True(Documents.TryGet(query, out _));

        var bad = await service.PostAsync(query, new { first = "two" });

        Assert.Null(bad["data"]);
        Assert.Contains("$first", (string)bad["errors"]![0]!["message"]!, StringComparison.Ordinal);
        var missing = await service.PostAsync(query, new { });
        Assert.Contains("$first", (string)missing["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query($key: String = \"none\") { seriesByKey(key: $key) { modality } } # document cache: null where required")]
    [InlineData("query($key: String = \"none\") { ...F } fragment F on Query { seriesByKey(key: $key) { modality } } # document cache: null in a fragment")]
    public async Task Post_CachedQuery_NullForANullableVariableWhereAValueIsRequired_RefusedAlikeEveryTime(string query)
    {
        // A variable declared nullable (it has a default) may be used where a value is required, but then null is refused:
        // GraphQL.NET learns that from where the variable is used, which a cached document computes once.
        // A refused request is not cached: a first one with a value caches the document.
        await service.DataAsync(query, new { key = "1.2.3" });
        Assert.True(Documents.TryGet(query, out _));

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
            answers.Add((await service.PostAsync(query, new { key = (string?)null })).ToJsonString());

        Assert.Contains("Received a null input for a non-null variable", answers[0], StringComparison.Ordinal);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [Fact]
    public async Task Post_CachedDocumentOfTwoOperations_EachOperationsVariablesCheckedByItsOwnUsages()
    {
        const string query = """
            query Key($key: String = "none") { seriesByKey(key: $key) { modality } }
            query Page($key: String) { datasets(first: 1, after: $key) { totalCount } } # document cache: two operations' variables
            """;
        for (var i = 0; i < 3; i++)
        {
            var (_, key) = await service.SendAsync(new { query, variables = new { key = (string?)null }, operationName = "Key" });
            var (_, page) = await service.SendAsync(new { query, variables = new { key = (string?)null }, operationName = "Page" });

            Assert.Contains("Received a null input for a non-null variable", key.ToJsonString(), StringComparison.Ordinal);
            Assert.Null(page["errors"]);
            Assert.NotNull(page["data"]!["datasets"]!["totalCount"]);
        }
    }

    [Fact]
    public async Task Validate_CachedDocument_UsesTheDocumentsVariableUsagesInsteadOfWalkingItAgain()
    {
        // The seam into GraphQL.NET's validator: with the cached usages emptied, a null for the required variable goes through,
        // which shows the validator read them (and that the private fields it relies on still exist in this GraphQL version).
        var schema = service.Services.GetRequiredService<CatalogExecutor>().Schema;
        var document = Parser.Parse("query($key: String = \"none\") { seriesByKey(key: $key) { modality } }");
        var operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Single();
        var validated = new ValidatedDocument(document);
        var validator = new CatalogDocumentValidator();

        async Task<bool> ValidAsync()
        {
            var userContext = new Dictionary<string, object?>();
            validated.AttachTo(userContext);
            var result = await validator.ValidateAsync(new GraphQL.Validation.ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Rules = [],
                UserContext = userContext,
                Variables = new GraphQL.Inputs(new Dictionary<string, object?> { ["key"] = null }),
                Extensions = GraphQL.Inputs.Empty,
                Metrics = GraphQL.Instrumentation.Metrics.None,
            });
            return result.IsValid;
        }

        Assert.False(await ValidAsync());
        Assert.NotEmpty(validated.VariableUsages(schema, operation)!);
        validated.VariableUsages(schema, operation)!.Clear();
        Assert.True(await ValidAsync());
    }

    public static TheoryData<string, string> ArgumentDocuments()
    {
        var data = new TheoryData<string, string>
        {
            { "query($key: String!) { seriesByKey(key: $key) { modality study { studyInstanceUid patient { pseudonym } } } }", """{ "key": "1.2.3" }""" },
            { "query($n: Int, $w: PatientFilterInput) { patients(first: $n, where: $w) { nodes { pseudonym studies(first: 2) { totalCount } } } }", """{ "n": 3, "w": { "sex": { "eq": "F" } } }""" },
            { "{ a: datasets(first: 1) { totalCount } b: datasets(first: 2, after: \"x\") { totalCount } }", "{}" },
            { "query($x: Boolean!, $y: Boolean = false) @skip(if: false) { datasets { nodes { slug @skip(if: $x) title @include(if: $y) } } }", """{ "x": true }""" },
            { "query($x: Boolean!) { ...F ...F ... @include(if: $x) { patients(first: 1) { totalCount } } } fragment F on Query { datasets(first: 1) @include(if: $x) { totalCount } }", """{ "x": true }""" },
            { "query($id: ID!) { node(id: $id) { id ... on Series { modality study { id } } ... on Study { series(first: 1) { totalCount } } ...N } } fragment N on Node { __typename }", """{ "id": "U2VyaWVzOjE=" }""" },
            { "query($ids: [ID!]!) { nodes(ids: $ids) { ... { id } } }", """{ "ids": ["a", "b"] }""" },
            { "{ __type(name: \"Series\") { fields(includeDeprecated: true) { name args { name } } } __schema { queryType { name } } __typename }", "{}" },
            { "query($key: String = \"none\") { seriesByKey(key: $key) { modality } }", """{ "key": null }""" },
            { "query($first: Int!) { datasets(first: $first) { totalCount } }", """{ "first": "two" }""" },
            { "query Q { datasets { totalCount } } query R($n: Int) { patients(first: $n) { totalCount } }", """{ "n": 1 }""" },
        };
        foreach (var file in ExampleQueryTests.Files())
            data.Add(File.ReadAllText(file), "{}");
        return data;
    }

    [Theory]
    [MemberData(nameof(ArgumentDocuments))]
    public async Task Validate_CachedDocumentWithoutRules_ParsesVariablesArgumentsAndDirectivesLikeGraphQLNet(string query, string variables)
    {
        // For a cached document with no rule left to run, ArgumentPlan parses argument and directive values where it found them
        // once; GraphQL.NET's validator walks the operation for them every time. Every operation of each document, both ways.
        var schema = service.Services.GetRequiredService<CatalogExecutor>().Schema;
        var document = Parser.Parse(query);
        var validated = new ValidatedDocument(document);
        var inputs = new GraphQL.SystemTextJson.GraphQLSerializer().Deserialize<GraphQL.Inputs>(variables)!;
        foreach (var operation in document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>())
        {
            var userContext = new Dictionary<string, object?>();
            validated.AttachTo(userContext);
            var options = new GraphQL.Validation.ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Rules = [],
                UserContext = userContext,
                Variables = inputs,
                Extensions = GraphQL.Inputs.Empty,
                Metrics = GraphQL.Instrumentation.Metrics.None,
            };

            var expected = await new GraphQL.Validation.DocumentValidator().ValidateAsync(options);
            var actual = await new CatalogDocumentValidator().ValidateAsync(options);

            Assert.Equal(Describe(expected), Describe(actual));
        }
    }

    // Everything a validation result hands the executer, as text: errors, variables, and the values parsed for each AST node.
    private static string Describe(GraphQL.Validation.IValidationResult result)
    {
        static string Value(object? value) => value switch
        {
            null => "null",
            string text => $"\"{text}\"",
            IDictionary<string, object?> map => "{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Value(p.Value)}")) + "}",
            System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
            _ => $"{value.GetType().Name} {Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}",
        };
        static string Arguments(IDictionary<string, GraphQL.Execution.ArgumentValue> arguments) =>
            string.Join(", ", arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Value(a.Value.Value)} ({a.Value.Source})"));
        static string At(GraphQLParser.AST.ASTNode node) => $"{node.Kind}@{node.Location.Start}";

        var lines = new List<string> { $"valid {result.IsValid}" };
        lines.AddRange(result.Errors.Select(e => $"error {e.Code}: {e.Message}"));
        lines.AddRange((result.Variables ?? GraphQL.Validation.Variables.None).Select(v => $"variable {v.Name} = {Value(v.Value)} ({v.ValueSpecified}, {v.IsDefault})"));
        lines.AddRange((result.ArgumentValues ?? new Dictionary<GraphQLParser.AST.GraphQLField, IDictionary<string, GraphQL.Execution.ArgumentValue>>())
            .Select(f => $"field {At(f.Key)} {f.Key.Name.StringValue}: {Arguments(f.Value)}").Order(StringComparer.Ordinal));
        lines.AddRange((result.DirectiveValues ?? new Dictionary<GraphQLParser.AST.ASTNode, IDictionary<string, GraphQL.Execution.DirectiveInfo>>())
            .SelectMany(n => n.Value.Select(d => $"directive {At(n.Key)} @{d.Key}: {Arguments(d.Value.Arguments)}")).Order(StringComparer.Ordinal));
        return string.Join("\n", lines);
    }

    [Theory]
    [InlineData("query { datasets(first: $n) { totalCount } } # variable rules: undefined", "NO_UNDEFINED_VARIABLES")]
    [InlineData("query($n: Int) { datasets(first: 2) { totalCount } } # variable rules: unused", "NO_UNUSED_VARIABLES")]
    [InlineData("query($n: Int, $n: Int) { datasets(first: $n) { totalCount } } # variable rules: twice", "UNIQUE_VARIABLE_NAMES")]
    [InlineData("query($n: DatasetConnection) { datasets(first: 2) { totalCount } } # variable rules: output type", "VARIABLES_ARE_INPUT_TYPES")]
    [InlineData("query($key: String) { seriesByKey(key: $key) { modality } } # variable rules: position", "VARIABLES_IN_ALLOWED_POSITION")]
    public async Task Post_DocumentWithAVariableMistake_IsRefusedByItsRule(string query, string code)
    {
        // These rules are skipped for documents without a '$' (VariableRules); with one, each still reports its mistake.
        var body = await service.PostAsync(query);

        Assert.Null(body["data"]);
        Assert.Contains(code, body["errors"]!.AsArray().Select(e => (string?)e!["extensions"]?["code"]));
    }

    [Theory]
    [InlineData("{ datasets(first: 2) { totalCount } }", false)]
    [InlineData("query($n: Int) { datasets(first: $n) { totalCount } }", true)]
    [InlineData("{ search(text: \"$5\") { totalCount } }", true)]
    public void MayHaveVariables_WhenTheTextHasADollarSign(string query, bool expected) =>
        Assert.Equal(expected, VariableRules.MayHaveVariables(Parser.Parse(query)));

    [Fact]
    public void Add_BeyondCapacity_StartsOverInsteadOfGrowing()
    {
        var cache = new DocumentCache(capacity: 2, maxQueryLength: 100);
        foreach (var query in new[] { "{ a }", "{ b }", "{ c }" })
            cache.Add(query, Parser.Parse(query), CatalogRole.Researcher);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("{ c }", out _));
        Assert.False(cache.TryGet("{ a }", out _));
    }

    [Fact]
    public void Add_QueryLongerThanTheLimitOrCacheOff_KeepsNothing()
    {
        var small = new DocumentCache(capacity: 10, maxQueryLength: 4);
        var off = new DocumentCache(capacity: 0, maxQueryLength: 100);

        small.Add("{ abc }", Parser.Parse("{ abc }"), CatalogRole.Researcher);
        off.Add("{ a }", Parser.Parse("{ a }"), CatalogRole.Researcher);

        Assert.False(small.TryGet("{ abc }", out _));
        Assert.False(off.TryGet("{ a }", out _));
    }

    [Theory]
    [InlineData("query($key: String!) { seriesByKey(key: $key) { modality } }", false)]
    [InlineData("{ patients(first: 5) { nodes { pseudonym } } }", false)]
    [InlineData("query($w: PatientFilter) { patients(first: 5, where: $w) { nodes { pseudonym } } }", false)]
    [InlineData("query($n: Int) { patients(first: $n) { nodes { pseudonym } } }", true)]
    [InlineData("query($n: Int) { datasets { nodes { patients(last: $n) { totalCount } } } }", true)]
    [InlineData("query($id: ID!) { datasets(id: [$id]) { totalCount } }", true)]
    [InlineData("query($x: Boolean!) { datasets { nodes { slug @skip(if: $x) } } }", true)]
    [InlineData("query($x: Boolean!) { ...F } fragment F on Query { datasets { totalCount @include(if: $x) } }", true)]
    [InlineData("query($x: Boolean!) { ... @include(if: $x) { datasets { totalCount } } }", true)]
    public void ComplexityReadsVariables_WhenAVariableSizesAListOrDecidesAField(string query, bool reads)
    {
        Assert.Equal(reads, new ValidatedDocument(Parser.Parse(query)).ComplexityReadsVariables);
    }

    [Fact]
    public void HasPassed_OnlyTheRolesThatPassed_AndNeverForSeveralOperations()
    {
        var one = new ValidatedDocument(Parser.Parse("{ datasets { totalCount } }"));
        var two = new ValidatedDocument(Parser.Parse("query A { datasets { totalCount } } query B { patients { totalCount } }"));

        one.Passed(CatalogRole.Researcher);
        two.Passed(CatalogRole.Researcher);

        Assert.True(one.HasPassed(CatalogRole.Researcher));
        Assert.False(one.HasPassed(CatalogRole.Anonymous));
        Assert.False(one.HasPassed(CatalogRole.Partner));
        Assert.False(two.HasPassed(CatalogRole.Researcher));
    }

    [Fact]
    public void Validated_OtherDocumentOfTheSameText_IsNull()
    {
        var cache = new DocumentCache(capacity: 10, maxQueryLength: 100);
        var cached = Parser.Parse("{ a }");
        cache.Add("{ a }", cached, CatalogRole.Researcher);

        Assert.Same(cached, cache.Validated("{ a }", cached)?.Document);
        Assert.Null(cache.Validated("{ a }", Parser.Parse("{ a }")));
        Assert.Null(cache.Validated(null, cached));
    }
}
