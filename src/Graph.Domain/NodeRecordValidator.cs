using FluentValidation;

namespace Graph.Domain;

/// <summary>Checks a node against its kind: known label, well-formed key, known fields, types, ranges and values.</summary>
/// <remarks>Every failure message names the node, the field and the value; its <c>CustomState</c> says the same without
/// the node's key or the value, for reports that must never repeat one (<see cref="ValidationFailures.WithoutValues"/>).</remarks>
public sealed class NodeRecordValidator : AbstractValidator<NodeRecord>
{
    /// <summary>Creates the validator.</summary>
    public NodeRecordValidator()
    {
        RuleFor(n => n).Custom((node, context) =>
        {
            var kind = GraphModel.Kind(node.Label);
            if (kind is null)
            {
                context.AddFailure("label", $"Node '{node.Key}': unknown label '{node.Label}'; known labels are {string.Join(", ", GraphModel.NodeKinds.Select(k => k.Label))}.");
                return;
            }

            if (KeyRules.Check(kind, node.Key) is { } keyError)
                context.AddFailure(ValidationFailures.Of(kind.KeyField, $"{kind.Label}: {keyError}.", $"{kind.Label}: {KeyRules.Rule(kind, node.Key)}."));

            foreach (var (name, value) in node.Properties)
            {
                var field = kind.Field(name);
                var known = $"unknown field; known fields are {string.Join(", ", kind.Fields.Select(f => f.Name))}";
                var error = field is null ? known : FieldRules.Check(field, value);
                if (error is not null)
                {
                    context.AddFailure(ValidationFailures.Of(
                        name, $"{kind.Label} '{node.Key}' field '{name}': {error}.", $"{kind.Label} field '{name}': {(field is null ? known : FieldRules.Rule(field, value))}."));
                }
            }
        });
    }
}
