using System.Text.Json;
using FluentValidation;
using Graph.Domain;

namespace Graph.Ingest.Algorithms;

/// <summary>Checks a registration: a well-formed slug, a name for a new algorithm, values within the model's limits, metrics as a
/// JSON object, an http(s) URL, and datasets and cancer types that exist.</summary>
/// <remarks>Each failure's property name is the column (or input field) it concerns.</remarks>
public sealed class AlgorithmValidator : AbstractValidator<AlgorithmRegistration>
{
    /// <summary>Creates the validator over a catalogue's datasets and cancer types.</summary>
    public AlgorithmValidator(IAlgorithmCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        RuleFor(a => a).Custom((a, context) =>
        {
            if (KeyRules.Check(GraphModel.Algorithm, a.Slug) is { } keyError)
                context.AddFailure("slug", keyError);
            else if (a.Name is null && !catalogue.HasAlgorithm(a.Slug))
                context.AddFailure("name", $"name is required for the new algorithm '{a.Slug}'");

            foreach (var (field, value) in Properties(a))
            {
                if (value is not null && FieldRules.Check(GraphModel.Algorithm.Field(field)!, value) is { } error)
                    context.AddFailure(field, $"{field}: {error}");
            }

            if (a.Metrics is not null && MetricsError(a.Metrics) is { } metricsError)
                context.AddFailure("metrics", metricsError);
            if (a.Url is not null && (!Uri.TryCreate(a.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
                context.AddFailure("url", $"url {PropertyValues.Describe(a.Url)} is not an absolute http or https URL");

            foreach (var dataset in a.TrainedOn ?? [])
            {
                if (!catalogue.HasDataset(dataset))
                    context.AddFailure("trainedOn", $"no dataset {PropertyValues.Describe(dataset)} in the catalogue");
            }

            foreach (var type in a.Targets ?? [])
            {
                if (!catalogue.HasCancerType(type))
                    context.AddFailure("targets", $"no cancer type {PropertyValues.Describe(type)} in the catalogue");
            }
        });
    }

    /// <summary>The registration's properties by Algorithm field name.</summary>
    public static IEnumerable<(string Field, string? Value)> Properties(AlgorithmRegistration a)
    {
        ArgumentNullException.ThrowIfNull(a);
        yield return ("name", a.Name);
        yield return ("task", a.Task);
        yield return ("version", a.Version);
        yield return ("metrics", a.Metrics);
        yield return ("licence", a.Licence);
        yield return ("url", a.Url);
    }

    private static string? MetricsError(string metrics)
    {
        try
        {
            using var document = JsonDocument.Parse(metrics);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : "metrics must be a JSON object of named figures, as {\"dice\": 0.87}";
        }
        catch (JsonException e)
        {
            return $"metrics is not valid JSON: {e.Message}";
        }
    }
}
