namespace Graph.Catalog.Querying;

/// <summary>Parents that a code system's own code structure implies, for codes the catalogue holds as values rather than as concepts.</summary>
internal static class CodeHierarchy
{
    /// <summary>The code one level up, or null: an ICD-10 subcategory (C50.4) belongs to its three-character category (C50).</summary>
    public static string? Parent(string system, string code)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(code);
        if (system != "ICD10")
            return null;
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        return dot == 3 ? code[..3] : null;
    }
}
