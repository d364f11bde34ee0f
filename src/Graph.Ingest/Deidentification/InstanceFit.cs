using System.Text.RegularExpressions;
using Graph.Domain;

namespace Graph.Ingest.Deidentification;

/// <summary>Leaves out the values of an instance that the catalogue's model does not accept (out of range, too long, a
/// control character), so the instance is kept.</summary>
/// <remarks>
/// Real files carry negative series numbers, absurd field strengths, overlong model names and stray control characters;
/// none is a reason to refuse the series. The rule is the model's own (<see cref="FieldRules"/>), so nothing it would
/// refuse is left in. Tabs and line breaks, legal in a catalogue text, become a space: a description is one line.
/// </remarks>
internal static partial class InstanceFit
{
    /// <summary>The instance with every value the model refuses left out, flagged <see cref="InstanceWarnings.ValueDropped"/> when one was.</summary>
    public static DeidentifiedInstance Apply(DeidentifiedInstance i)
    {
        var dropped = false;
        var fitted = i with
        {
            PatientAge = Number(GraphModel.Study, "patientAge", i.PatientAge, ref dropped),
            StudyYear = Number(GraphModel.Study, "year", i.StudyYear, ref dropped),
            StudyDescription = Text(GraphModel.Study, "description", i.StudyDescription, ref dropped),
            BodyPart = Text(GraphModel.Series, "bodyPart", i.BodyPart, ref dropped),
            Manufacturer = Text(GraphModel.Series, "manufacturer", i.Manufacturer, ref dropped),
            Model = Text(GraphModel.Series, "model", i.Model, ref dropped),
            SeriesDescription = Text(GraphModel.Series, "description", i.SeriesDescription, ref dropped),
            SeriesNumber = Number(GraphModel.Series, "seriesNumber", i.SeriesNumber, ref dropped),
            SliceThickness = Number(GraphModel.Series, "sliceThickness", i.SliceThickness, ref dropped),
            PixelSpacing = Number(GraphModel.Series, "pixelSpacing", i.PixelSpacing, ref dropped),
            MagneticFieldStrength = Number(GraphModel.Series, "magneticFieldStrength", i.MagneticFieldStrength, ref dropped),
            Kvp = Number(GraphModel.Series, "kvp", i.Kvp, ref dropped),
            SeriesYear = Number(GraphModel.Series, "year", i.SeriesYear, ref dropped),
        };
        if (i.Annotation is { } annotation)
        {
            var codesField = Field(GraphModel.Annotation, "codes");
            var codes = annotation.Codes.Where(c => FieldRules.Rule(codesField, new[] { c }) is null).ToArray();
            dropped |= codes.Length < annotation.Codes.Count;
            fitted = fitted with
            {
                Annotation = annotation with
                {
                    Author = Text(GraphModel.Annotation, "author", annotation.Author, ref dropped),
                    Description = Text(GraphModel.Annotation, "description", annotation.Description, ref dropped),
                    Codes = codes,
                },
            };
        }

        if (Text(GraphModel.Series, "modality", i.Modality, ref dropped) is null)
            fitted = fitted with { Modality = DicomDeidentifier.UnknownModality };
        return dropped ? fitted with { Warnings = fitted.Warnings | InstanceWarnings.ValueDropped } : fitted;
    }

    private static T? Number<T>(NodeKind kind, string field, T? value, ref bool dropped)
        where T : struct
    {
        if (value is not { } v)
            return null;
        if (FieldRules.Rule(Field(kind, field), v) is null)
            return v;
        dropped = true;
        return null;
    }

    private static string? Text(NodeKind kind, string field, string? value, ref bool dropped)
    {
        if (value is null)
            return null;
        var text = LineBreaksAndTabs().Replace(value, " ");
        if (FieldRules.Rule(Field(kind, field), text) is null)
            return text;
        dropped = true;
        return null;
    }

    private static FieldDef Field(NodeKind kind, string name) => kind.Field(name) ?? throw new InvalidOperationException($"{kind}.{name} is not in the model.");

    [GeneratedRegex(@"[\t\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaksAndTabs();
}
