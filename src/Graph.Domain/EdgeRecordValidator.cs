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
                var unknown = $"no relationship {edge.Type} joins {edge.From.Label} to {edge.To.Label}";
                context.AddFailure(ValidationFailures.Of("type", $"Relationship {edge}: {unknown}.", $"Relationship {edge.Type}: {unknown}."));
                return;
            }

            if (kind.FromCodedFields)
            {
                var fields = string.Join(", ", kind.From.Fields.Where(f => f.CodeSystem is not null || f.HoldsCuries).Select(f => f.Name));
                var derived = $"{kind.Type} from {kind.From.Label} is derived from its coded fields ({fields}); set those fields instead";
                context.AddFailure(ValidationFailures.Of("type", $"Relationship {edge}: {derived}.", $"Relationship {kind.Type}: {derived}."));
                return;
            }

            foreach (var (end, node) in new[] { ("start", kind.From), ("end", kind.To) })
            {
                var key = end == "start" ? edge.From.Key : edge.To.Key;
                if (KeyRules.Check(node, key) is { } keyError)
                    context.AddFailure(ValidationFailures.Of(end, $"Relationship {edge}: {end} node {keyError}.", $"Relationship {kind.Type}: {end} node {KeyRules.Rule(node, key)}."));
            }

            foreach (var (name, value) in edge.Properties)
            {
                var field = kind.Properties.FirstOrDefault(p => p.Name == name);
                var unknown = kind.Properties.Count == 0 ? "this relationship carries no properties" : $"unknown property; known are {string.Join(", ", kind.Properties.Select(p => p.Name))}";
                var error = field is null ? unknown : FieldRules.Check(field, value);
                if (error is not null)
                {
                    context.AddFailure(ValidationFailures.Of(
                        name, $"Relationship {edge} property '{name}': {error}.", $"Relationship {kind.Type} property '{name}': {(field is null ? unknown : FieldRules.Rule(field, value))}."));
                }
            }
        });
    }
}
