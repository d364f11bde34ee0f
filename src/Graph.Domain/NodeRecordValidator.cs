using FluentValidation;

namespace Graph.Domain;

/// <summary>Checks a node against its kind: known label, well-formed key, known fields, types, ranges and values.</summary>
/// <remarks>Every failure message names the node, the field and the value.</remarks>
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
                context.AddFailure(kind.KeyField, $"{kind.Label}: {keyError}.");

            foreach (var (name, value) in node.Properties)
            {
                var field = kind.Field(name);
                var error = field is null
                    ? $"unknown field; known fields are {string.Join(", ", kind.Fields.Select(f => f.Name))}"
                    : FieldRules.Check(field, value);
                if (error is not null)
                    context.AddFailure(name, $"{kind.Label} '{node.Key}' field '{name}': {error}.");
            }
        });
    }
}
