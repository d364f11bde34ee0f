namespace Graph.Api.Tests;

/// <summary>Search as a researcher types it: misspellings, abbreviations and synonyms find their target in the top 3; paging returns every hit once.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ForgivingSearchTests(CatalogueFactory service)
{
    private const string Hits = """
        query($text: String!, $first: Int, $after: String) {
          search(text: $text, first: $first, after: $after) {
            totalCount hasNextPage endCursor
            hits { cursor field text score highlights { start length }
              node { __typename ... on Dataset { key: slug } ... on CancerType { key: code } ... on Concept { key: curie } ... on Repository { key: slug } } }
          }
        }
        """;

    /// <summary>What a user types, and the node (kind:key, or kind:*part* for any of several) they look for.</summary>
    public static TheoryData<string, string> Table => new()
    {
        // Misspellings: one edit from 5 characters, two from 9.
        { "glioblastma", "CancerType:glioblastoma" },
        { "gliobalstoma", "CancerType:glioblastoma" },
        { "neuroblastome", "CancerType:neuroblastoma" },
        { "nueroblastoma", "CancerType:neuroblastoma" },
        { "prostrate", "CancerType:prostate" },
        { "prostat", "CancerType:prostate" },
        { "mamography", "Dataset:eucanimage-breast-mammography-paris" },
        { "mammograhpy", "Dataset:eucanimage-breast-mammography-paris" },
        { "hepatocelular", "Dataset:eucanimage-hcc-barcelona" },
        { "colorectl", "Dataset:*colorectal*" },
        { "heidleberg", "Dataset:glioblastoma-heidelberg" },
        { "stokholm", "Dataset:glioblastoma-stockholm" },
        { "lueven", "Dataset:glioma-leuven" },
        { "nijmegan", "Dataset:*nijmegen*" },
        { "thessaloniky", "Dataset:*thessaloniki*" },
        { "computed tomografy", "Concept:DCM:CT" },
        { "magnetic resonence", "Concept:DCM:MR" },
        { "ultrasund", "Concept:DCM:US" },
        { "pediatric", "Dataset:*primage*" },
        { "kraków", "Dataset:glioma-krakow" },

        // Abbreviations and notations: concept synonyms and codes.
        { "hcc", "Dataset:eucanimage-hcc-barcelona" },
        { "HCC", "Concept:NCIT:C3099" },
        { "gbm", "CancerType:glioblastoma" },
        { "nsclc", "CancerType:lung" },
        { "crc", "Dataset:*colorectal*" },
        { "mri", "Concept:DCM:MR" },
        { "pet", "Concept:DCM:PT" },
        { "C71", "Concept:ICD10:C71" },
        { "c50", "Concept:ICD10:C50" },
        { "9440/3", "Concept:ICDO3:9440/3" },
        { "dce", "Dataset:eucanimage-breast-mri-barcelona" },
        { "mpmri", "Dataset:*procancer-mpmri*" },

        // Synonyms: other labels of the concept the text names.
        { "brain tumour", "Dataset:primage-brain-vienna" },
        { "brain tumor", "Dataset:primage-brain-vienna" },
        { "brain cancer", "Concept:ICD10:C71" },
        { "hepatoma", "Dataset:eucanimage-hcc-barcelona" },
        { "mammary carcinoma", "CancerType:breast" },
        { "glioblastoma multiforme", "CancerType:glioblastoma" },
        { "lung carcinoma", "CancerType:lung" },
        { "malignant neoplasm of prostate", "CancerType:prostate" },
        { "colon carcinoma", "CancerType:colon" },
        { "malignant tumor of rectum", "CancerType:rectum" },
        { "non-small cell lung cancer", "Concept:NCIT:C2926" },

        // The glioma subtypes of ICD-O-3.
        { "astrocytoma", "Concept:ICDO3:9400/3" },
        { "astrocitoma", "Concept:ICDO3:9400/3" },
        { "anaplastic astrocytoma", "Concept:ICDO3:9401/3" },
        { "oligodendroglioma", "Concept:ICDO3:9450/3" },
        { "oligodendroglima", "Concept:ICDO3:9450/3" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Search_MisspellingAbbreviationOrSynonym_FindsTargetInTopThree(string text, string target)
    {
        var result = (await service.DataAsync(Hits, new { text, first = 3 }))["search"]!;

        var found = result["hits"]!.AsArray().Select(h => $"{(string?)h!["node"]!["__typename"]}:{(string?)h["node"]!["key"]}").ToList();
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var (kind, key) = (target[..colon], target[(colon + 1)..]);
        Assert.True(
            key.StartsWith('*') ? found.Any(f => f.StartsWith(kind + ":", StringComparison.Ordinal) && f.Contains(key.Trim('*'), StringComparison.Ordinal)) : found.Contains(target),
            $"'{text}' should find {target} in the top 3; it found {string.Join(", ", found)}");
    }

    [Fact]
    public async Task Search_Typos_RankBelowExactAndPrefixHits()
    {
        // "gliomas" is a whole word of one dataset description and one edit from "glioma" in many titles: titles outweigh
        // descriptions, yet the typo hits must come after every hit whose text has the word itself.
        var hits = (await service.DataAsync(Hits, new { text = "gliomas", first = 100 }))["search"]!["hits"]!.AsArray();

        var typo = hits.Select(h => !((string)h!["text"]!).Split(' ', ',', '.', '(', ')').Any(w => w.StartsWith("gliomas", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Contains(false, typo);
        Assert.Contains(true, typo);
        Assert.Equal(typo.Order(), typo);
    }

    [Fact]
    public async Task Search_Paging_ReturnsEveryHitExactlyOnce()
    {
        var all = (await service.DataAsync(Hits, new { text = "mr", first = 100 }))["search"]!;
        var total = (int)all["totalCount"]!;
        Assert.True(total > 100, $"'mr' should match more than a page of 100; it matched {total}");
        var size = Math.Min(100, (total / 20) + 1);

        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var result = (await service.DataAsync(Hits, new { text = "mr", first = size, after }))["search"]!;
            var hits = result["hits"]!.AsArray();
            seen.AddRange(hits.Select(h => (string)h!["cursor"]!));
            after = (string?)result["endCursor"];
            Assert.Equal(total, (int)result["totalCount"]!);
            if (!(bool)result["hasNextPage"]!)
                break;
            Assert.Equal(size, hits.Count);
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        // The first page of the paged walk is the head of the whole ranking.
        Assert.Equal(all["hits"]!.AsArray().Take(size).Select(h => (string)h!["cursor"]!), seen.Take(size));
    }

    [Fact]
    public async Task Search_BadCursor_IsBadUserInputNamingIt()
    {
        var body = await service.PostAsync(Hits, new { text = "cancer", after = "bm90IGEgY3Vyc29y" });

        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("bm90IGEgY3Vyc29y", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Highlights_MarkTheWordsThatMatched()
    {
        var hit = (await service.DataAsync(Hits, new { text = "hepatocelular", first = 1 }))["search"]!["hits"]![0]!;

        var text = (string)hit["text"]!;
        var marked = hit["highlights"]!.AsArray().Select(s => text.Substring((int)s!["start"]!, (int)s["length"]!)).ToList();
        Assert.Equal(["hepatocellular"], marked);
    }
}
