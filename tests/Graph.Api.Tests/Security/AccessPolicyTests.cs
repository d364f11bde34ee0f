using Graph.Api.Security;
using Graph.Store.Access;

namespace Graph.Api.Tests.Security;

/// <summary>The count protection rule and the role names that keys carry.</summary>
public sealed class AccessPolicyTests
{
    [Theory]
    [InlineData(0, 0L)]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(5, 5L)]
    [InlineData(7, 5L)]
    [InlineData(8, 10L)]
    [InlineData(1234, 1235L)]
    public void Protect_ThresholdFive_SuppressesSmallAndRoundsTheRest(long count, long? shown) =>
        Assert.Equal(shown, AccessPolicy.Protect(count, 5));

    [Fact]
    public void Protect_NoThreshold_IsExact() => Assert.Equal(3L, AccessPolicy.Protect(3, null));

    [Fact]
    public void Protect_ComplementOfSuppressedCount_CannotBeRecoveredExactly()
    {
        // A total of 23 split 20 + 3: the 3 is suppressed, and total - visible part gives 25 - 20 = 5, not 3.
        var total = AccessPolicy.Protect(23, 5)!.Value;
        var visible = AccessPolicy.Protect(20, 5)!.Value;
        Assert.Null(AccessPolicy.Protect(3, 5));
        Assert.NotEqual(3, total - visible);
    }

    [Fact]
    public void KeyRoles_AreTheServiceRolesButAnonymous() =>
        Assert.Equal(Enum.GetValues<CatalogRole>().Where(r => r != CatalogRole.Anonymous).Select(AccessPolicy.Name), ApiKey.Roles);
}
