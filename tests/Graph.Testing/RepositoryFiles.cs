namespace Graph.Testing;

/// <summary>Files of the repository that tests read (schema, examples, README).</summary>
public static class RepositoryFiles
{
    /// <summary>The repository's root folder: the nearest folder above the tests that holds Graph.sln.</summary>
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Graph.sln")))
                folder = folder.Parent;
            return folder?.FullName ?? throw new DirectoryNotFoundException("Graph.sln not found above the test folder.");
        }
    }

    /// <summary>The text of a file given by its path below the root.</summary>
    public static string Text(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));
}
