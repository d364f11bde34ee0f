using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Api.Schema.Features.Cohort;

/// <summary>How to cite a cohort version: the cohort and every dataset its members (those the caller may read) come from, with
/// DOI, licence and version, as text, BibTeX and CSL-JSON.</summary>
internal sealed class CohortCitation
{
    private CohortCitation(GraphNode cohort, IReadOnlyList<GraphNode> datasets)
    {
        Cohort = cohort;
        Datasets = datasets;
    }

    /// <summary>The cohort version cited.</summary>
    public GraphNode Cohort { get; }

    /// <summary>The datasets its readable members come from, by slug.</summary>
    public IReadOnlyList<GraphNode> Datasets { get; }

    /// <summary>The citation of a cohort node, in the snapshot it comes from (the caller's view).</summary>
    public static CohortCitation Of(GraphNode cohort) =>
        new(cohort, Cohorts.DatasetsOf(cohort).OrderBy(d => d.Key, StringComparer.Ordinal).ToList());

    /// <summary>One paragraph: the cohort, then each dataset with its DOI and licence.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{Name} (cohort {Cohort.Key}, version {Version}, catalogue version {CatalogueVersion}, saved {Year}). Cancer Imaging Graph.");
            if (Datasets.Count > 0)
                text.Append(" Drawn from: ");
            text.AppendJoin("; ", Datasets.Select(d =>
                $"{d["title"]}{Part(", version ", d["version"])}{Part(", ", Publisher(d))}{Part(". https://doi.org/", d["doi"])}{Part(". Licence: ", d["licence"])}"));
            if (Datasets.Count > 0)
                text.Append('.');
            return text.ToString();
        }
    }

    /// <summary>A @misc entry for the cohort and one for each dataset.</summary>
    public string BibTeX
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"@misc{{{BibKey(Cohort.Key)}-v{Version},\n  title = {{{Bib(Name)}}},\n  note = {{Cohort {Bib(Cohort.Key)}, version {Version}, catalogue version {CatalogueVersion}, Cancer Imaging Graph}},\n  year = {{{Year}}}\n}}\n");
            foreach (var dataset in Datasets)
            {
                text.Append(CultureInfo.InvariantCulture, $"@misc{{{BibKey(dataset.Key)},\n  title = {{{Bib(dataset["title"])}}}");
                Field(text, "publisher", Publisher(dataset));
                Field(text, "version", dataset["version"]);
                Field(text, "doi", dataset["doi"]);
                Field(text, "url", dataset["doi"] is string doi ? "https://doi.org/" + doi : null);
                Field(text, "note", dataset["licence"] is string licence ? "Licence: " + licence : null);
                text.Append("\n}\n");
            }

            return text.ToString();
        }
    }

    /// <summary>A CSL-JSON array: the cohort, then each dataset (type "dataset").</summary>
    public JsonArray CslJson
    {
        get
        {
            var items = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = $"{Cohort.Key}-v{Version}",
                    ["type"] = "dataset",
                    ["title"] = Name,
                    ["version"] = Version.ToString(CultureInfo.InvariantCulture),
                    ["publisher"] = "Cancer Imaging Graph",
                    ["note"] = $"Cohort {Cohort.Key}, catalogue version {CatalogueVersion}",
                    ["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(Year)) },
                },
            };
            foreach (var dataset in Datasets)
            {
                var item = new JsonObject { ["id"] = dataset.Key, ["type"] = "dataset", ["title"] = dataset["title"] as string };
                if (dataset["version"] is string version)
                    item["version"] = version;
                if (Publisher(dataset) is { } publisher)
                    item["publisher"] = publisher;
                if (dataset["doi"] is string doi)
                {
                    item["DOI"] = doi;
                    item["URL"] = "https://doi.org/" + doi;
                }

                if (dataset["licence"] is string licence)
                    item["license"] = licence;
                items.Add(item);
            }

            return items;
        }
    }

    private string Name => Cohort["name"] as string ?? Cohort.Key;

    private long Version => Cohort["version"] as long? ?? 1;

    private long CatalogueVersion => Cohort["catalogueVersion"] as long? ?? 0;

    private int Year => Cohort["createdAt"] is string created && created.Length >= 4 && int.TryParse(created[..4], CultureInfo.InvariantCulture, out var year)
        ? year : DateTime.UtcNow.Year;

    private static string? Publisher(GraphNode dataset)
    {
        var repository = RelationField.Find(GraphModel.Dataset, "repository")!;
        return dataset.FirstRelated(repository)?["name"] as string;
    }

    private static string Part(string prefix, object? value) => value is string text && text.Length > 0 ? prefix + text : "";

    private static void Field(StringBuilder text, string name, object? value)
    {
        if (value is string s && s.Length > 0)
            text.Append(CultureInfo.InvariantCulture, $",\n  {name} = {{{Bib(s)}}}");
    }

    // Braces and backslashes would end or escape a BibTeX field; nothing else in our values needs care.
    private static string Bib(object? value) => (value as string ?? "").Replace("\\", "", StringComparison.Ordinal).Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal);

    private static string BibKey(string key) => new(key.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray());
}
