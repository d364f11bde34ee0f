using System.Text.Json;
using FluentValidation;
using Graph.Domain;
using Graph.Ingest.Records;

namespace Graph.Ingest.Algorithms;

/// <summary>Checks a registration: a well-formed slug, a name for a new algorithm, values within the model's limits and on one line,
/// metrics as a JSON object of finite figures named once each, an http(s) URL without credentials, and datasets and cancer types that exist.</summary>
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
                if (value is null)
                    continue;
                if (field is not "metrics" && value.Any(BreaksTheLine))
                    context.AddFailure(field, $"{field} contains a line break, tab or other control character; it must be one line of text");
                else if (FieldError(field, value) is { } error)
                    context.AddFailure(field, $"{field}: {error}");
            }

            if (a.Metrics is not null && MetricsError(a.Metrics) is { } metricsError)
                context.AddFailure("metrics", metricsError);
            // As a repository's base URL: published as a link, so no credentials and nothing an IRI may not hold; the message leaves
            // any user name and password out.
            if (a.Url is not null && !a.Url.Any(BreaksTheLine) && WebAddress.CheckHttpUrl(a.Url) is { } urlError)
                context.AddFailure("url", $"url {urlError}");

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

    // The model's limits; a URL is not quoted, as it may hold a password.
    private static string? FieldError(string field, string value) => field == "url"
        ? FieldRules.Rule(GraphModel.Algorithm.Field(field)!, value)
        : FieldRules.Check(GraphModel.Algorithm.Field(field)!, value);

    // Text shown on one line (a name in a list, a log line) that a line break, a tab or a control character would split or forge;
    // U+2028 and U+2029 break lines in browsers and editors.
    private static bool BreaksTheLine(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static string? MetricsError(string metrics)
    {
        try
        {
            using var document = JsonDocument.Parse(metrics);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FigureError(document.RootElement)
                : "metrics must be a JSON object of named figures, as {\"dice\": 0.87}";
        }
        catch (JsonException e)
        {
            var (line, column, reason) = JsonError.Describe(e, System.Text.Encoding.UTF8.GetBytes(metrics));
            return line is null ? $"metrics is not valid JSON: {reason}" : $"metrics is not valid JSON at line {line}, column {column}: {reason}";
        }
    }

    // Readers of the metrics differ on a name given twice (the first or the last wins) and cannot hold a number beyond a double's
    // range (1e999 reads as infinity, or fails), so both are refused wherever they are nested.
    private static string? FigureError(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                        return $"metrics names the figure {PropertyValues.Describe(property.Name)} twice";
                    if (FigureError(property.Value) is { } error)
                        return error;
                }

                return null;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FigureError).FirstOrDefault(e => e is not null);
            case JsonValueKind.Number when !element.TryGetDouble(out var number) || !double.IsFinite(number):
                return $"metrics holds the number {PropertyValues.Describe(element.GetRawText())}, which is not finite (beyond a double's range)";
            default:
                return null;
        }
    }
}
