namespace Graph.Store.Neo4j;

/// <summary>Where the Neo4j store is and how to talk to it (configuration section "Graph:Neo4j").</summary>
public sealed class Neo4jStoreOptions
{
    /// <summary>The configuration section the service binds.</summary>
    public const string Section = "Graph:Neo4j";

    /// <summary>The server's HTTP root (http://neo4j:7474, https://xxxx.databases.neo4j.io); credentials in it are used when User is not set.</summary>
    public Uri Uri { get; set; } = new("http://localhost:7474");

    /// <summary>The database to use.</summary>
    public string Database { get; set; } = "neo4j";

    /// <summary>The user for basic authentication.</summary>
    public string? User { get; set; }

    /// <summary>The password for basic authentication; never logged nor put in a message.</summary>
    public string? Password { get; set; }

    /// <summary>A bearer token (SSO); used instead of basic authentication when set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>The most rows one statement writes or one page reads.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>How long one HTTP request may take before it counts as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Reads options from a URL such as http://user:password@host:7474/database (the path names the database).</summary>
    public static Neo4jStoreOptions FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException("A Neo4j URL must be absolute http or https, such as http://neo4j:password@localhost:7474.", nameof(url));

        var options = new Neo4jStoreOptions { Uri = new UriBuilder(uri) { UserName = "", Password = "", Path = "/", Query = "", Fragment = "" }.Uri };
        if (uri.UserInfo.Length > 0)
            (options.User, options.Password) = SplitUserInfo(uri.UserInfo);

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
            options.Database = Uri.UnescapeDataString(database);
        return options;
    }

    /// <summary>Splits URL user information (user:password, escaped) into its parts.</summary>
    internal static (string User, string? Password) SplitUserInfo(string userInfo)
    {
        var separator = userInfo.IndexOf(':', StringComparison.Ordinal);
        return separator < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..separator]), Uri.UnescapeDataString(userInfo[(separator + 1)..]));
    }
}
