
namespace Graph.Api.Schema.Execution;

/// <summary>Limits that protect the service from careless or hostile requests.</summary>
public sealed class ServiceLimits
{
    /// <summary>The largest <c>first</c> or <c>last</c> of a connection.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The fewest rows an export reads per page (its <c>pageSize</c>): an export, one request, runs at most one page
    /// per this many rows (up to <see cref="MaxPageSize"/>).</summary>
    public int MinExportPageSize { get; set; } = 100;

    /// <summary>The most requests in one batched (JSON array) POST.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>The most ids in one <c>nodes(ids:)</c> call.</summary>
    public int MaxNodeIds { get; set; } = 1000;

    /// <summary>The deepest nesting of <c>and</c>/<c>or</c>/<c>not</c>/relationship filters.</summary>
    public int MaxFilterDepth { get; set; } = 12;

    /// <summary>The most fields one operation may select once its fragments are expanded (also refused: more than 20 directives in one place).</summary>
    public int MaxExpandedFields { get; set; } = 20_000;

    /// <summary>The largest request body, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>The deepest nesting of fields in a document.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>The highest complexity of a document (each field 1, multiplied by the first/last of the lists it is in).</summary>
    public int MaxComplexity { get; set; } = 2_000_000;

    /// <summary>The most aliased fields in a document.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>The longest document, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 32 * 1024;

    /// <summary>Exports running at once in the whole service (0: no limit).</summary>
    public int ConcurrentExports { get; set; } = 8;

    /// <summary>Exports one caller (an address for anonymous callers, else the key or token subject) runs at once (0: no limit).</summary>
    public int ConcurrentExportsPerCaller { get; set; } = 2;

    /// <summary>Root fields one mutation may select (each commits on its own).</summary>
    public int MaxMutationFields { get; set; } = 1;

    /// <summary>Cohort versions one owner may keep (0: no limit).</summary>
    public int CohortsPerOwner { get; set; } = 100;

    /// <summary>Series one owner's cohort versions may freeze in all (0: no limit); a cohort of every readable series of the launch
    /// catalogue freezes about 100,000.</summary>
    public int CohortSeriesPerOwner { get; set; } = 1_000_000;

    /// <summary>Series one owner's saves may freeze in 24 hours, deleted cohorts included (0: no limit); counted per service process.</summary>
    public long CohortSeriesPerOwnerPerDay { get; set; } = 2_000_000;

    /// <summary>How long one request may run, in seconds.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Requests per second one address may send without an API key or token (0: no limit); a GraphQL request costs one
    /// per root field, an export one per page.</summary>
    public int RequestsPerSecondPerAddress { get; set; } = 50;

    /// <summary>Requests per second one API key or token subject may send (0: no limit), counted as for addresses.</summary>
    public int RequestsPerSecondPerKey { get; set; } = 200;

    /// <summary>Refused credentials (unknown, revoked or expired keys, bad tokens) one address may send per minute before its
    /// requests with credentials get 429 (0: no limit).</summary>
    public int FailedCredentialsPerMinutePerAddress { get; set; } = 30;

    /// <summary>Whether introspection queries (__schema, __type) are answered; turn off in production with the IDE.</summary>
    public bool AllowIntrospection { get; set; } = true;

    /// <summary>Whether only trusted documents run: requests name one by documentId ("sha256:HEX") or send its exact text.</summary>
    public bool TrustedDocumentsOnly { get; set; }

    /// <summary>A folder of trusted .graphql documents (each may be sent by documentId = "sha256:" + the SHA-256 of its text).</summary>
    public string? TrustedDocumentsDirectory { get; set; }

    /// <summary>How many validated documents to keep by query text (0 turns the cache off).</summary>
    public int DocumentCacheSize { get; set; } = 1000;
}
