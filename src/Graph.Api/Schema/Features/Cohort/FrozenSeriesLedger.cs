namespace Graph.Api.Schema.Features.Cohort;

/// <summary>How many series each owner's saves froze in the last 24 hours, in hourly sums (this process's saves).</summary>
/// <remarks>A deleted cohort's frozen rows stay in the store as tombstones until they are purged (Graph:PurgeTombstonesAfterDays),
/// so the owner's live cohorts do not bound what its saves add: a researcher who saved and deleted cohorts of 96,570 series
/// stayed under every live limit while the store grew by 400 MB in 47 s. Not thread-safe: <see cref="CohortService"/> calls it under its save lock.</remarks>
internal sealed class FrozenSeriesLedger(TimeProvider clock)
{
    private readonly Dictionary<string, List<(DateTimeOffset Hour, long Series)>> _owners = new(StringComparer.Ordinal);

    /// <summary>The series the owner's saves froze in the last 24 hours.</summary>
    public long LastDay(string owner) => Hours(owner)?.Sum(h => h.Series) ?? 0;

    /// <summary>Records a save that froze <paramref name="series"/> series.</summary>
    public void Add(string owner, int series)
    {
        if (series <= 0)
            return;
        var now = clock.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var hours = Hours(owner) ?? (_owners[owner] = []);
        if (hours is [.., var last] && last.Hour == hour)
            hours[^1] = (hour, last.Series + series);
        else
            hours.Add((hour, series));
    }

    // The owner's hours of the last day; hours older than that are dropped, and the owner once none is left.
    private List<(DateTimeOffset Hour, long Series)>? Hours(string owner)
    {
        if (!_owners.TryGetValue(owner, out var hours))
            return null;
        var since = clock.GetUtcNow().AddHours(-24);
        hours.RemoveAll(h => h.Hour.AddHours(1) <= since);
        if (hours.Count > 0)
            return hours;
        _owners.Remove(owner);
        return null;
    }
}
