using Graph.Api.Schema.Types;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>The input of registerAlgorithm: an AI model with the datasets it was trained on and the cancer types it targets.</summary>
internal sealed class RegisterAlgorithmInputGraphType : InputObjectGraphType
{
    public RegisterAlgorithmInputGraphType()
    {
        Name = "RegisterAlgorithmInput";
        Description = "An algorithm to register, or to update when its slug is registered: values not given are kept, a list given replaces the stored links.";
        Add("slug", new NonNullGraphType(Scalars.String), "A short lowercase name that identifies the algorithm and version.");
        Add("name", Scalars.String, "Display name; required for a new algorithm.");
        Add("task", Scalars.String, "What it does (segmentation, classification, detection, ...).");
        Add("version", Scalars.String, "The version.");
        Add("metrics", Scalars.String, "Reported performance as a JSON object in text, as {\"dice\": 0.87}.");
        Add("licence", Scalars.String, "Licence (SPDX identifier or name).");
        Add("url", Scalars.String, "Where to find it (http or https).");
        Add("trainedOn", new ListGraphType(new NonNullGraphType(Scalars.String)), "Slugs of the datasets it was trained on; replaces the stored ones.");
        Add("targets", new ListGraphType(new NonNullGraphType(Scalars.String)), "Codes of the cancer types it targets; replaces the stored ones.");
    }

    private void Add(string name, IGraphType type, string description) =>
        AddField(new FieldType { Name = name, ResolvedType = type, Description = description });
}
