namespace Graph.Ingest.Tests.Vocabulary;

/// <summary>Vocabulary files for the tests: a hospital's local tumour codes in each format.</summary>
internal static class VocabularyText
{
    public const string Header = "curie\tsystem\tlabel\tsynonyms\tbroader\tcodes\tsource";

    /// <summary>LOCAL:GLIOMA with narrower LOCAL:GBM and LOCAL:LGG, in the shape of the shipped concepts.tsv (comments, a codes column).</summary>
    public const string Tsv = """
        # A hospital's local tumour codes.
        curie	system	label	synonyms	broader	codes	source
        LOCAL:GLIOMA	Hospital codes	Glioma (local)	Glial tumour		CancerType:glioma	local
        LOCAL:GBM		Glioblastoma (local)	GBM|Grade 4 glioma	LOCAL:GLIOMA		local
        LOCAL:LGG		Low-grade glioma (local)		LOCAL:GLIOMA		local
        """;

    public const string Csv = """
        curie,system,label,synonyms,broader
        LOCAL:GLIOMA,Hospital codes,Glioma (local),Glial tumour,
        LOCAL:GBM,,Glioblastoma (local),"GBM|Grade 4 glioma",LOCAL:GLIOMA
        LOCAL:LGG,,Low-grade glioma (local),,LOCAL:GLIOMA
        """;

    public const string Json = """
        [
          { "curie": "LOCAL:GLIOMA", "system": "Hospital codes", "label": "Glioma (local)", "synonyms": ["Glial tumour"] },
          { "curie": "LOCAL:GBM", "label": "Glioblastoma (local)", "synonyms": ["GBM", "Grade 4 glioma"], "broader": ["LOCAL:GLIOMA"] },
          { "curie": "LOCAL:LGG", "label": "Low-grade glioma (local)", "broader": "LOCAL:GLIOMA" }
        ]
        """;

    /// <summary>The text with LF line ends.</summary>
    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n");

    /// <summary>A TSV file: the header then the rows.</summary>
    public static string Of(params string[] rows) => Header + "\n" + string.Join("\n", rows);

    /// <summary>The shipped concepts.tsv of the repository.</summary>
    public static string ShippedConceptsPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Graph.sln")))
            folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Graph.sln not found above the test folder."), "src", "Graph.Ingest", "Vocabulary", "concepts.tsv");
    }
}
