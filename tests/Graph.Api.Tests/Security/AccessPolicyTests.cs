using Graph.Api.Security;
using Graph.Store.Access;

namespace Graph.Api.Tests.Security;

/// <summary>The role names that keys carry.</summary>
public sealed class AccessPolicyTests
{
    [Fact]
    public void KeyRoles_AreTheServiceRolesButAnonymous() =>
        Assert.Equal(Enum.GetValues<CatalogRole>().Where(r => r != CatalogRole.Anonymous).Select(AccessPolicy.Name), ApiKey.Roles);
}
