using Graph.Api.Schema.Types;
using GraphQL.Types;

namespace Graph.Api.Harvest;

/// <summary>The input of addRepository: a DICOMweb repository to register or update.</summary>
internal sealed class AddRepositoryInputGraphType : InputObjectGraphType
{
    public AddRepositoryInputGraphType()
    {
        Name = "AddRepositoryInput";
        Description = "A DICOMweb repository to register, or to update when its slug is registered (values not given are kept).";
        Add("slug", new NonNullGraphType(Scalars.String), "A short lowercase name that identifies the repository.");
        Add("name", new NonNullGraphType(Scalars.String), "Display name.");
        Add("baseUrl", new NonNullGraphType(Scalars.String), "The DICOMweb root: an absolute http or https URL without credentials, query or fragment, "
            + "and without spaces or characters IRIs forbid (percent-encode them).");
        Add("country", Scalars.String, "ISO 3166-1 alpha-2 country code of the holder.");
        Add("institution", Scalars.String, "The institution that runs the repository.");
        Add("contact", Scalars.String, "Where to ask for access: an e-mail address or an absolute http or https URL (DCAT-AP publishes it as a link).");
        Add("description", Scalars.String, "What the repository holds.");
        Add("viewerUrlTemplate", Scalars.String,
            "The web viewer link of a study or series (OHIF, Slim or the repository's own): an absolute http(s) URL with the placeholders "
            + "{baseUrl}, {studyInstanceUid} (required) and {seriesInstanceUid} (empty in a study's link).");
    }

    private void Add(string name, IGraphType type, string description) =>
        AddField(new FieldType { Name = name, ResolvedType = type, Description = description });
}
