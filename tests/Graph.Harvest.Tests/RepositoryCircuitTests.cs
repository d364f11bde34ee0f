using Graph.Harvest.Tests.Support;
using Graph.Ingest.Harvest;

namespace Graph.Harvest.Tests;

public sealed class RepositoryCircuitTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void RecordFailure_BelowThreshold_KeepsAllowingRequests()
    {
        var circuit = new RepositoryCircuit(3, TimeSpan.FromMinutes(10), _time);

        circuit.RecordFailure();
        circuit.RecordFailure();

        Assert.True(circuit.AllowsRequest);
        Assert.Equal(2, circuit.ConsecutiveFailures);
    }

    [Fact]
    public void RecordFailure_AtThreshold_RefusesUntilTheCoolDownHasPassed()
    {
        var circuit = new RepositoryCircuit(2, TimeSpan.FromMinutes(10), _time);

        circuit.RecordFailure();
        circuit.RecordFailure();
        var open = circuit.AllowsRequest;
        _time.Advance(TimeSpan.FromMinutes(9));
        var stillOpen = circuit.AllowsRequest;
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal((false, false, true), (open, stillOpen, circuit.AllowsRequest));
    }

    [Fact]
    public void RecordFailure_AfterTheCoolDown_OpensAgainAtOnce()
    {
        var circuit = new RepositoryCircuit(2, TimeSpan.FromMinutes(10), _time);
        circuit.RecordFailure();
        circuit.RecordFailure();
        _time.Advance(TimeSpan.FromMinutes(10));

        circuit.RecordFailure();

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(10), circuit.OpenUntil);
    }

    [Fact]
    public void RecordSuccess_AfterFailures_ClosesAndResetsTheCount()
    {
        var circuit = new RepositoryCircuit(2, TimeSpan.FromMinutes(10), _time);
        circuit.RecordFailure();
        circuit.RecordFailure();
        _time.Advance(TimeSpan.FromMinutes(10));

        circuit.RecordSuccess();
        circuit.RecordFailure();

        Assert.True(circuit.AllowsRequest);
        Assert.Equal(1, circuit.ConsecutiveFailures);
    }
}
