using FluentValidation;

namespace Graph.Domain;

/// <summary>Checks a relationship: a known type between the labels it joins, well-formed keys and valid properties.</summary>
public sealed class EdgeRecordValidator : AbstractValidator<EdgeRecord>
{
    /// <summary>Creates the validator.</summary>
    public EdgeRecordValidator()
    {
        RuleFor(e => e).Custom((edge, context) =>
        {
            var kind = GraphModel.Relation(edge.Type, edge.From.Label, edge.To.Label);
            if (kind is null)
            {
                context.AddFailure("type", $"Relationship {edge}: no relationship {edge.Type} joins {edge.From.Label} to {edge.To.Label}.");
                return;
            }

            if (kind.FromCodedFields)
            {
                var fields = string.Join(", ", kind.From.Fields.Where(f => f.CodeSystem is not null || f.HoldsCuries).Select(f => f.Name));
                context.AddFailure("type", $"Relationship {edge}: {kind.Type} from {kind.From.Label} is derived from its coded fields ({fields}); set those fields instead.");
                return;
            }

            foreach (var (end, node) in new[] { ("start", kind.From), ("end", kind.To) })
            {
                var key = end == "start" ? edge.From.Key : edge.To.Key;
                if (KeyRules.Check(node, key) is { } keyError)
                    context.AddFailure(end, $"Relationship {edge}: {end} node {keyError}.");
            }

            foreach (var (name, value) in edge.Properties)
            {
                var field = kind.Properties.FirstOrDefault(p => p.Name == name);
                var error = field is null
                    ? kind.Properties.Count == 0 ? "this relationship carries no properties" : $"unknown property; known are {string.Join(", ", kind.Properties.Select(p => p.Name))}"
                    : FieldRules.Check(field, value);
                if (error is not null)
                    context.AddFailure(name, $"Relationship {edge} property '{name}': {error}.");
            }
        });
    }
}
