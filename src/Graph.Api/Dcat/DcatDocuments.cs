using System.Globalization;
using System.Text.Json.Nodes;
using Graph.Catalog;
using Graph.Catalog.Disclosure;
using Graph.Catalog.Querying;
using Graph.Domain;
using static Graph.Api.Dcat.DcatVocabulary;

namespace Graph.Api.Dcat;

/// <summary>Describes the catalogue and its datasets in HealthDCAT-AP (DCAT-AP 3 with the health extension), as JSON-LD.</summary>
/// <remarks>Counts come from the dataset's summary: numberOfUniqueIndividuals is its patients, numberOfRecords its image series; ages
/// are the patients' ages at diagnosis and the period the years of its studies, each from a facet's listed values. For callers who may not
/// read every record all of them pass the disclosure-control layer, like any aggregate answer. No patient-level value is exported.</remarks>
internal sealed class DcatDocuments(ProtectedCatalog aggregates, string baseUrl)
{
    private readonly CatalogSnapshot _snapshot = aggregates.Readable;
    private static readonly RelationField CancerTypes = RelationField.Find(GraphModel.Dataset, "cancerTypes")!;
    private static readonly RelationField Repository = RelationField.Find(GraphModel.Dataset, "repository")!;

    /// <summary>The whole catalogue: a dcat:Catalog with every dataset in it.</summary>
    public JsonObject Catalog()
    {
        var datasets = new JsonArray();
        foreach (var dataset in _snapshot.Nodes(GraphModel.Dataset))
            datasets.Add(Dataset(dataset, withContext: false));
        return new JsonObject
        {
            ["@context"] = Context(),
            ["@id"] = $"{baseUrl}/catalog",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = English("Cancer Imaging Graph"),
            ["dct:description"] = English("The catalogue of a European federation of cancer-imaging repositories: datasets of imaging studies with their cancer types, "
                + "patients' pseudonymous clinical facts and the algorithms built on them."),
            ["dct:publisher"] = new JsonObject { ["@id"] = $"{baseUrl}/catalog#publisher", ["@type"] = "foaf:Agent", ["foaf:name"] = "Cancer Imaging Graph federation" },
            ["foaf:homepage"] = Ref($"{baseUrl}/graphql"),
            ["dct:language"] = Ref(Authority + "language/ENG"),
            ["dcat:themeTaxonomy"] = Ref(Authority + "data-theme"),
            ["dcat:dataset"] = datasets,
        };
    }

    /// <summary>One dataset as a dcat:Dataset, with the context when it is a document of its own.</summary>
    public JsonObject Dataset(GraphNode dataset, bool withContext = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var id = $"{baseUrl}/datasets/{Uri.EscapeDataString(dataset.Key)}";
        var repository = Related(Repository, dataset).FirstOrDefault();
        var cancerTypes = Related(CancerTypes, dataset);
        var summary = aggregates.Summarize(dataset);
        var title = dataset["title"] as string ?? dataset.Key;
        var json = new JsonObject();
        if (withContext)
            json["@context"] = Context();
        json["@id"] = id;
        json["@type"] = "dcat:Dataset";
        json["dct:identifier"] = id;
        json["dct:title"] = English(title);
        json["dct:description"] = English(dataset["description"] as string ?? title);
        json["dcat:landingPage"] = Ref($"{baseUrl}/graphql");
        json["dct:accessRights"] = Ref(AccessRight(dataset["accessTier"] as string));
        if (dataset["licence"] is string licence)
            json["dct:license"] = Licence(licence);
        if (repository is not null)
        {
            json["dct:publisher"] = Publisher(repository);
            json["dcat:contactPoint"] = ContactPoint(repository);
            if (Country(repository["country"] as string) is { } country)
                json["dct:spatial"] = Ref(country);
        }

        json["dcat:distribution"] = new JsonArray(Distribution(dataset, repository, id));
        json["dcat:theme"] = new JsonArray(Ref(HealthTheme));
        json["dcatap:applicableLegislation"] = Ref(Ehds);
        json["dcat:keyword"] = Keywords(cancerTypes, Listed(summary, GraphModel.Series, "modality"));
        if (CodeValues(cancerTypes) is { Count: > 0 } codes)
            json["healthdcatap:hasCodeValues"] = codes;
        // A count whose every part is withheld is left out rather than given as 0.
        if (summary.Patients is { } individuals && (individuals.Readable > 0 || individuals.Restricted > 0))
            json["healthdcatap:numberOfUniqueIndividuals"] = Count(individuals.Value);
        if (summary.Series is { } records && (records.Readable > 0 || records.Restricted > 0))
            json["healthdcatap:numberOfRecords"] = Count(records.Value);
        AddRange(json, Listed(summary, GraphModel.Patient, "ageAtDiagnosis"), (min, max) =>
        {
            json["healthdcatap:minTypicalAge"] = Count(min);
            json["healthdcatap:maxTypicalAge"] = Count(max);
        });
        AddRange(json, Listed(summary, GraphModel.Patient, "studies.year"), (start, end) => json["dct:temporal"] = new JsonObject
        {
            ["@type"] = "dct:PeriodOfTime",
            ["dcat:startDate"] = Typed(start.ToString(CultureInfo.InvariantCulture), "xsd:gYear"),
            ["dcat:endDate"] = Typed(end.ToString(CultureInfo.InvariantCulture), "xsd:gYear"),
        });
        if (dataset["version"] is string version)
            json["dcat:version"] = version;
        if (dataset["doi"] is string doi)
            json["adms:identifier"] = new JsonObject { ["@type"] = "adms:Identifier", ["skos:notation"] = $"https://doi.org/{doi}" };
        return json;
    }

    private IReadOnlyList<GraphNode> Related(RelationField field, GraphNode node) => _snapshot.Related(node, field);

    private JsonObject Publisher(GraphNode repository) => new()
    {
        ["@id"] = $"{baseUrl}/repositories/{Uri.EscapeDataString(repository.Key)}",
        ["@type"] = "foaf:Agent",
        ["foaf:name"] = repository["institution"] as string ?? repository["name"] as string ?? repository.Key,
    };

    // A contact that is no address (one stored before registration checked contacts) names whom to ask: it is the contact's name
    // then, never a link, which an RDF processor would drop, resolve against the harvester's location or take for a blank node.
    private static JsonObject ContactPoint(GraphNode repository)
    {
        var contact = (repository["contact"] as string)?.Trim();
        var iri = WebAddress.ContactIri(contact);
        var point = new JsonObject
        {
            ["@type"] = "vcard:Kind",
            ["vcard:fn"] = iri is null && !string.IsNullOrEmpty(contact) ? contact : repository["name"] as string ?? repository.Key,
        };
        if (iri is not null)
            point[iri.StartsWith("mailto:", StringComparison.Ordinal) ? "vcard:hasEmail" : "vcard:hasURL"] = Ref(iri);
        return point;
    }

    private JsonObject Distribution(GraphNode dataset, GraphNode? repository, string id)
    {
        // A base URL that is no publishable IRI (stored before registration checked it) is left out: the catalogue's endpoint stands in.
        var service = (repository?["baseUrl"] as string)?.Trim() is { } url && WebAddress.IsHttpUrl(url) ? url : null;
        var distribution = new JsonObject
        {
            ["@id"] = id + "#dicom",
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = English(service is null ? "DICOM images, on request to the publisher" : $"DICOM images from {repository!["name"] as string ?? repository.Key}"),
            ["dcat:accessURL"] = Ref(service ?? $"{baseUrl}/graphql"),
            ["dcat:mediaType"] = Ref(DicomMediaType),
            ["dct:accessRights"] = Ref(AccessRight(dataset["accessTier"] as string)),
        };
        if (dataset["licence"] is string licence)
            distribution["dct:license"] = Licence(licence);
        return distribution;
    }

    private static JsonArray Keywords(IReadOnlyList<GraphNode> cancerTypes, IReadOnlyList<string> modalities)
    {
        var keywords = new JsonArray();
        foreach (var name in cancerTypes.Select(t => t["name"] as string ?? t.Key).Distinct(StringComparer.Ordinal))
            keywords.Add(English(name));
        foreach (var modality in modalities.Order(StringComparer.Ordinal))
            keywords.Add(English(modality));
        return keywords;
    }

    // The values of a facet of the dataset's records that the caller may be shown (those listed).
    private static IReadOnlyList<string> Listed(RecordSummary summary, NodeKind level, string field) =>
        summary.Facets(level, [field], Facets.MaxLimit)[0].Values.Select(v => v.Value).ToList();

    private static void AddRange(JsonObject json, IReadOnlyList<string> values, Action<long, long> add)
    {
        var numbers = values.Select(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (long?)null).OfType<long>().ToList();
        if (numbers.Count > 0)
            add(numbers.Min(), numbers.Max());
    }

    private static JsonArray CodeValues(IReadOnlyList<GraphNode> cancerTypes)
    {
        var codes = new JsonArray();
        foreach (var iri in cancerTypes.Select(t => t["icd10"] as string).OfType<string>().Select(Icd10).OfType<string>().Distinct(StringComparer.Ordinal))
            codes.Add(Ref(iri));
        return codes;
    }

    private static JsonObject Count(long count) => Typed(count.ToString(CultureInfo.InvariantCulture), "xsd:nonNegativeInteger");
}
