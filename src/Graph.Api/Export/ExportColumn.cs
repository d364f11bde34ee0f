namespace Graph.Api.Export;

/// <summary>One column of an export: a scalar field of the row, or of a single object under it, named by its response path.</summary>
/// <param name="Name">The response path joined by dots ("study.studyInstanceUid").</param>
/// <param name="Type">The column type.</param>
/// <param name="IsList">Whether the field is a list of scalars, written as a JSON array in text.</param>
internal sealed record ExportColumn(string Name, ExportColumnType Type, bool IsList);
