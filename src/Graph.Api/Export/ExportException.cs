namespace Graph.Api.Export;

/// <summary>An export request that cannot be served as asked: its message names the input and the reason.</summary>
internal sealed class ExportException(string message) : Exception(message);
