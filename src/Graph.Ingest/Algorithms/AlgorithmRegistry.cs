using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Algorithms;

/// <summary>Registers algorithms: the node, its TRAINED_ON datasets and the cancer types it TARGETS, in one ChangeSet.</summary>
public static class AlgorithmRegistry
{
    /// <summary>The changes that apply a valid registration: lists given replace the stored relationships.</summary>
    public static ChangeSet Changes(AlgorithmRegistration registration, IAlgorithmCatalogue catalogue, string source)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(catalogue);
        var slug = registration.Slug;
        var properties = AlgorithmValidator.Properties(registration).Where(p => p.Value is not null).ToDictionary(p => p.Field, p => (object?)p.Value);
        var changes = new ChangeSet { Source = source }.Add(new NodeRecord(GraphModel.Algorithm.Label, slug, properties));
        Replace(changes, "TRAINED_ON", GraphModel.Dataset, slug, registration.TrainedOn, catalogue.TrainedOn(slug));
        Replace(changes, "TARGETS", GraphModel.CancerType, slug, registration.Targets, catalogue.Targets(slug));
        return changes;
    }

    /// <summary>Validates and writes a registration.</summary>
    /// <exception cref="ChangeSetRejectedException">The registration is invalid (every reason, naming the field); nothing was written.</exception>
    /// <exception cref="GraphStoreException">The store failed; nothing was written.</exception>
    public static async Task<CommitResult> RegisterAsync(
        GraphWriter writer, IAlgorithmCatalogue catalogue, AlgorithmRegistration registration, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var validation = await new AlgorithmValidator(catalogue).ValidateAsync(registration, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
            throw new ChangeSetRejectedException(validation.Errors.Select(e => e.ErrorMessage).ToList());
        return await writer.WriteAsync(Changes(registration, catalogue, source), cancellationToken).ConfigureAwait(false);
    }

    private static void Replace(ChangeSet changes, string type, NodeKind target, string slug, IReadOnlyList<string>? wanted, IReadOnlyCollection<string> stored)
    {
        if (wanted is null)
            return;
        var from = new NodeRef(GraphModel.Algorithm.Label, slug);
        foreach (var key in stored.Except(wanted, StringComparer.Ordinal))
            changes.DeletedEdges.Add(EdgeRecord.Of(type, from, new NodeRef(target.Label, key)));
        foreach (var key in wanted.Distinct(StringComparer.Ordinal))
            changes.Add(EdgeRecord.Of(type, from, new NodeRef(target.Label, key)));
    }
}
