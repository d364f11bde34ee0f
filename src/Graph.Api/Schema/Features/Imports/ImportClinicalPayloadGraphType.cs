using Graph.Api.Schema.Types;
using Graph.Ingest.Clinical;
using Graph.Ingest.Records;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>What importClinical did: counts, the catalogue version after it, and every rejection and warning.</summary>
internal sealed class ImportClinicalPayloadGraphType : ObjectGraphType<ClinicalImportSummary>
{
    public ImportClinicalPayloadGraphType(ImportProblemGraphType problems)
    {
        Name = "ImportClinicalPayload";
        Description = "What a clinical import did: records read, applied and rejected, changes, and every problem with its line and column.";
        this.AddValue("records", Scalars.Int, "Records in the content, rejected ones included.", s => s.Records);
        this.AddValue("applied", Scalars.Int, "Records applied, whole.", s => s.Applied);
        this.AddValue("rejected", Scalars.Int, "Records not applied.", s => s.Rejected);
        this.AddValue("skipped", Scalars.Int, "Rows of empty fields only (as spreadsheets save formatted empty rows), skipped: neither records nor problems.", s => s.Skipped);
        this.AddValue("warnings", Scalars.Int, "Warnings about applied records (unknown codes, ignored columns).", s => s.Warnings);
        this.AddValue("nodesChanged", Scalars.Int, "Nodes created or updated.", s => (int)s.NodesChanged);
        this.AddValue("relationshipsChanged", Scalars.Int, "Relationships created or deleted.", s => (int)s.EdgesChanged);
        this.AddValue("catalogueVersion", Scalars.Long, "The catalogue change sequence after the import.", s => s.Sequence);
        AddField(new FieldType
        {
            Name = "problems",
            Description = "Every rejection and warning, by line.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(problems))),
            Resolver = new FuncFieldResolver<ClinicalImportSummary, object?>(c => c.Source.Problems.OrderBy(p => p.Line).ToList()),
        });
    }
}
