namespace Graph.Api.Security;

/// <summary>What a caller is to the catalogue.</summary>
public enum CatalogRole
{
    /// <summary>No credentials: catalogue-level metadata, open datasets' records, protected aggregate counts.</summary>
    Anonymous,

    /// <summary>A registered user: records of open and registered datasets and of granted restricted ones; saves cohorts.</summary>
    Researcher,

    /// <summary>A partner organisation: what a researcher may, and links the catalogue's concepts to its ontologies.</summary>
    Partner,

    /// <summary>Ingests and curates: every record, repositories, algorithms, mappings.</summary>
    Curator,

    /// <summary>Everything a curator may, and running the service.</summary>
    Admin,
}
