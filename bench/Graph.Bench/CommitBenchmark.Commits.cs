using System.Diagnostics;
using Graph.Catalog;
using Graph.Domain;
using Graph.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Bench;

partial class CommitBenchmark
{
    /// <summary>Commits of one study through the writer, modelled on studies and series already in the catalogue.</summary>
    private sealed class Commits(BenchHost host, Random random)
    {
        private readonly GraphWriter _writer = host.Services.GetRequiredService<GraphWriter>();
        private int _count;

        /// <summary>A new study of an existing patient, with three series copied from existing ones under new UIDs.</summary>
        public async Task NewStudyAsync()
        {
            var snapshot = host.Index.Current;
            var patient = Pick(snapshot, GraphModel.Patient);
            var model = Pick(snapshot, GraphModel.Study);
            var study = $"2.25.{Environment.ProcessId}.{Stopwatch.GetTimestamp()}.{++_count}";
            var changes = new ChangeSet { Source = "bench" };
            changes.Add(new NodeRecord("Study", study, Properties(snapshot, GraphModel.Study, model)));
            changes.Add(EdgeRecord.Of("HAS_STUDY", new NodeRef("Patient", patient), new NodeRef("Study", study)));
            for (var s = 0; s < 3; s++)
            {
                var series = $"{study}.{s}";
                changes.Add(new NodeRecord("Series", series, Properties(snapshot, GraphModel.Series, Pick(snapshot, GraphModel.Series))));
                changes.Add(EdgeRecord.Of("HAS_SERIES", new NodeRef("Study", study), new NodeRef("Series", series)));
            }

            await CommitAsync(changes);
        }

        /// <summary>One attribute of an existing series changed (its manufacturer's model, or its slice thickness).</summary>
        public async Task ChangeSeriesAsync()
        {
            var snapshot = host.Index.Current;
            var series = Pick(snapshot, GraphModel.Series);
            var change = random.Next(2) == 0
                ? new Dictionary<string, object?> { ["model"] = $"Bench model {random.Next(20)}" }
                : new Dictionary<string, object?> { ["sliceThickness"] = random.Next(1, 50) / 10.0 };
            var changes = new ChangeSet { Source = "bench" };
            changes.Add(new NodeRecord("Series", series, change));
            await CommitAsync(changes);
        }

        private async Task CommitAsync(ChangeSet changes)
        {
            var result = await _writer.WriteAsync(changes, CancellationToken.None);
            if (host.Index.Current.Sequence < result.Sequence)
                throw new InvalidOperationException($"The index is at change {host.Index.Current.Sequence} after the commit of change {result.Sequence}.");
        }

        private string Pick(CatalogSnapshot snapshot, NodeKind kind)
        {
            var table = snapshot.Table(kind);
            while (true)
            {
                var ordinal = random.Next(table.Count);
                if (table.IsLive(ordinal))
                    return table.Key(ordinal);
            }
        }

        private static Dictionary<string, object?> Properties(CatalogSnapshot snapshot, NodeKind kind, string key)
        {
            var node = snapshot.Find(kind, key)!;
            return kind.Fields.Select(f => (f.Name, Value: node[f.Name])).Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value);
        }
    }
}
