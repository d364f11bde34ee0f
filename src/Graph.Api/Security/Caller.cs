using System.Security.Claims;
using Graph.Catalog.Access;

namespace Graph.Api.Security;

/// <summary>Who sends a request: an id for the audit log (never a patient's), a role and dataset grants.</summary>
public sealed record Caller(string Id, CatalogRole Role, IReadOnlySet<string> Grants)
{
    /// <summary>The claim type that carries dataset grants (one slug per claim, or several separated by spaces).</summary>
    public const string GrantClaim = "datasets";

    /// <summary>The claim type that carries the role (also read from <see cref="ClaimTypes.Role"/>).</summary>
    public const string RoleClaim = "role";

    /// <summary>A caller without credentials.</summary>
    public static Caller Anonymous { get; } = new("anonymous", CatalogRole.Anonymous, new HashSet<string>());

    /// <summary>Which datasets' patient-level records the caller may read, and whose cohorts (its own; curators and admins every one).</summary>
    public RecordAccess Access => Role switch
    {
        CatalogRole.Curator or CatalogRole.Admin => RecordAccess.Everything,
        CatalogRole.Anonymous => RecordAccess.Of(["open"], []),
        _ => RecordAccess.Of(["open", "registered"], Grants, Id),
    };

    /// <summary>The role names a credential may carry, as callers write them.</summary>
    public static IReadOnlyList<string> RoleNames { get; } = [.. Enum.GetValues<CatalogRole>().Where(r => r != CatalogRole.Anonymous).Select(AccessPolicy.Name)];

    /// <summary>The role a claim names, spelled exactly as <see cref="RoleNames"/> (no case folding, spaces, numbers or lists); null otherwise.</summary>
    public static CatalogRole? ParseRole(string? text) => text switch
    {
        "researcher" => CatalogRole.Researcher,
        "partner" => CatalogRole.Partner,
        "curator" => CatalogRole.Curator,
        "admin" => CatalogRole.Admin,
        _ => null,
    };

    /// <summary>Reads the caller from an authenticated principal (anonymous when there is none).</summary>
    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return Anonymous;
        var roleText = user.FindFirst(RoleClaim)?.Value ?? user.FindFirst(ClaimTypes.Role)?.Value;
        var role = ParseRole(roleText) ?? CatalogRole.Anonymous;
        var grants = user.FindAll(GrantClaim)
            .SelectMany(c => c.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        var id = Subject(user) ?? user.Identity.Name ?? "unknown";
        return new Caller(id, role, grants);
    }

    /// <summary>The subject a principal names (its <c>sub</c> claim, as a token or an API key gives it).</summary>
    public static string? Subject(ClaimsPrincipal? user) => user?.FindFirst("sub")?.Value ?? user?.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    /// <summary>Why a token's subject cannot name a caller, or null when it can: it must be there, and it must not take a name the
    /// service gives other callers (API keys are <c>key:ID</c>, the command line <c>cli:NAME</c>, callers without credentials
    /// <c>anonymous</c>), or a token would act as that caller.</summary>
    /// <remarks>Control and invisible formatting characters are refused (a newline forged a line of the text log, a zero-width space
    /// made "key\u200B:ID" look like an API key's id), and the reserved names are compared in their compatibility form, so a
    /// fullwidth colon ("key：ID") is a colon.</remarks>
    public static string? SubjectRule(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
            return "is missing; every token must name its subject";
        if (subject.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
            return "must not hold control or invisible formatting characters";
        if (string.IsNullOrWhiteSpace(subject) || subject.Trim() != subject)
            return "must not be blank or start or end with spaces";
        var plain = subject.IsNormalized(System.Text.NormalizationForm.FormKC) ? subject : subject.Normalize(System.Text.NormalizationForm.FormKC);
        return plain.StartsWith("key:", StringComparison.OrdinalIgnoreCase) || plain.StartsWith("cli:", StringComparison.OrdinalIgnoreCase)
            || ReservedSubjects.Contains(plain, StringComparer.OrdinalIgnoreCase)
            ? "must not start with 'key:' or 'cli:', or be 'anonymous', 'unknown' or 'system': those name other callers"
            : null;
    }

    private static readonly string[] ReservedSubjects = ["anonymous", "unknown", "system"];
}
