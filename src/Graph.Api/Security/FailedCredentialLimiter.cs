using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Graph.Api.Schema.Execution;
using Microsoft.Extensions.Options;

namespace Graph.Api.Security;

/// <summary>Counts refused credentials per client address: past the budget, credentials from that address that have not worked
/// recently get 429 before any key or token is checked, so keys cannot be tried at speed (issue 16, point 4), while callers
/// behind the same address whose credentials work go on.</summary>
internal sealed class FailedCredentialLimiter : IDisposable
{
    private const int KnownGoodCapacity = 10_000;
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly ConcurrentDictionary<string, byte> _knownGood = new(StringComparer.Ordinal);

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

    /// <summary>Whether credentials from an address are refused unchecked: the address used up its budget of refusals and these
    /// credentials have not authenticated recently.</summary>
    public bool IsRefused(string address, string credentials) =>
        _limiter?.GetStatistics(address)?.CurrentAvailablePermits is 0 && !_knownGood.ContainsKey(Hash(credentials));

    /// <summary>Notes credentials that authenticated (kept by hash, never as text).</summary>
    public void Succeeded(string credentials)
    {
        if (_limiter is null)
            return;
        var hash = Hash(credentials);
        if (_knownGood.ContainsKey(hash))
            return;
        // Many callers empty the set rather than grow it; their next request is checked as usual.
        if (_knownGood.Count >= KnownGoodCapacity)
            _knownGood.Clear();
        _knownGood.TryAdd(hash, 0);
    }

    /// <summary>Counts one refusal; false when it exceeded the address' budget.</summary>
    public bool TryCountFailure(string address)
    {
        if (_limiter is null)
            return true;
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();

    private static string Hash(string credentials) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(credentials)));
}
