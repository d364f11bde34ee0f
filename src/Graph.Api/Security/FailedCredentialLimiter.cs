using System.Threading.RateLimiting;
using Graph.Api.Schema;
using Microsoft.Extensions.Options;

namespace Graph.Api.Security;

/// <summary>Counts refused credentials per client address: past the budget, requests with credentials from that address get 429
/// before any key or token is checked, so keys cannot be guessed at speed (issue 16, point 4).</summary>
internal sealed class FailedCredentialLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public FailedCredentialLimiter(IOptions<ServiceLimits> limits)
    {
        var perMinute = limits.Value.FailedCredentialsPerMinutePerAddress;
        if (perMinute <= 0)
            return;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Whether an address has used up its budget of refused credentials for now.</summary>
    public bool IsBlocked(string address) => _limiter?.GetStatistics(address)?.CurrentAvailablePermits is 0;

    /// <summary>Counts one refusal; false when it exceeded the address' budget.</summary>
    public bool TryCountFailure(string address)
    {
        if (_limiter is null)
            return true;
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();
}
