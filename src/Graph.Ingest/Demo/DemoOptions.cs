namespace Graph.Ingest.Demo;

/// <summary>The size, seed and batching of the synthetic demo catalogue.</summary>
/// <remarks>
/// The same options always give the same catalogue. A patient's records depend only on the seed, its dataset and its
/// number there, so a smaller catalogue is a subset of a larger one and the batch size changes only how it is cut.
/// </remarks>
public sealed record DemoOptions
{
    /// <summary>The number of patients over all datasets; 20,000 at launch scale.</summary>
    public int Patients { get; init; } = 20_000;

    /// <summary>The seed every random draw derives from.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The number of whole patients in each ChangeSet after the first.</summary>
    public int BatchPatients { get; init; } = 500;

    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Patients, nameof(Patients));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchPatients, nameof(BatchPatients));
    }
}
