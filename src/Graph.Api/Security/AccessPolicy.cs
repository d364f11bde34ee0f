using GraphQL.Types;

namespace Graph.Api.Security;

/// <summary>The one place that decides who may run which field.</summary>
public static class AccessPolicy
{
    private const string RolesKey = "catalog:roles";

    /// <summary>Roles that may save cohorts and read registered datasets.</summary>
    public static readonly CatalogRole[] Registered = [CatalogRole.Researcher, CatalogRole.Partner, CatalogRole.Curator, CatalogRole.Admin];

    /// <summary>Roles that may link concepts and import mappings and vocabularies (partners only of their own concepts, see <c>ConceptPermissions</c>).</summary>
    public static readonly CatalogRole[] Partners = [CatalogRole.Partner, CatalogRole.Curator, CatalogRole.Admin];

    /// <summary>Roles that may change repositories, algorithms and clinical data.</summary>
    public static readonly CatalogRole[] Curators = [CatalogRole.Curator, CatalogRole.Admin];

    /// <summary>Whether a role curates: may change the reference systems' concepts and any caller's mappings, which partners may not.</summary>
    public static bool Curates(CatalogRole role) => Curators.Contains(role);

    /// <summary>Marks a field as runnable only by some roles.</summary>
    public static TField RequireRoles<TField>(this TField field, params CatalogRole[] roles)
        where TField : FieldType
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[RolesKey] = roles;
        field.Description = $"{field.Description} Needs the role {string.Join(", ", roles.Select(Name))}.";
        return field;
    }

    /// <summary>The roles that may run a field; null when everyone may. A mutation that names none is for administrators only.</summary>
    public static IReadOnlyCollection<CatalogRole>? AllowedRoles(FieldType field, bool isMutation)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Metadata.TryGetValue(RolesKey, out var roles) && roles is CatalogRole[] list)
            return list;
        return isMutation ? [CatalogRole.Admin] : null;
    }

    /// <summary>A role's name as callers write it (researcher, partner, ...).</summary>
    public static string Name(CatalogRole role) => role.ToString().ToLowerInvariant();
}
