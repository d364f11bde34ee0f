using System.Net.Http.Headers;
using System.Text;

namespace Graph.Store.Neo4j;

/// <summary>Where requests go and how they authenticate; prints itself without credentials.</summary>
internal sealed class QueryApiEndpoint
{
    public QueryApiEndpoint(Neo4jStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Uri.IsAbsoluteUri || options.Uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"Neo4j Uri must be absolute http or https, not '{options.Uri.GetLeftPart(UriPartial.Scheme)}...'.", nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Database, nameof(options.Database));

        var user = options.User;
        var password = options.Password;
        if (options.Uri.UserInfo.Length > 0 && string.IsNullOrEmpty(user))
            (user, password) = Neo4jStoreOptions.SplitUserInfo(options.Uri.UserInfo);

        Root = new UriBuilder(options.Uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        Database = options.Database;
        QueryPath = $"{Root}/db/{Uri.EscapeDataString(Database)}/query/v2";
        if (!string.IsNullOrEmpty(options.BearerToken))
        {
            Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
            Principal = "the bearer token";
        }
        else if (!string.IsNullOrEmpty(user))
        {
            Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
            Principal = $"user '{user}'";
        }
        else
        {
            Principal = "an anonymous caller";
        }
    }

    /// <summary>The server root without credentials (http://host:7474).</summary>
    public string Root { get; }

    /// <summary>The database name.</summary>
    public string Database { get; }

    /// <summary>The implicit-transaction endpoint; explicit transactions live under it at /tx.</summary>
    public string QueryPath { get; }

    /// <summary>The Authorization header, if any.</summary>
    public AuthenticationHeaderValue? Authorization { get; }

    /// <summary>Who the requests act as, for messages (never the secret).</summary>
    public string Principal { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Root} (database '{Database}')";
}
