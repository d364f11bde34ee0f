using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Catalog;
using Graph.Catalog.Access;
using Graph.Domain;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Cohort;

/// <summary>Cohort input types, and the fields that saved cohorts and catalogue-level nodes get beyond their model fields.</summary>
internal sealed class CohortGraphTypes
{
    public CohortGraphTypes(FilterInputGraphTypes filters, AggregateGraphTypes aggregates)
    {
        Aggregates = aggregates;
        Criteria = new InputObjectGraphType { Name = "CohortCriteriaInput", Description = "Which patients, and which of their series. A patient is selected when it matches 'patients' and has some series that matches 'series'." };
        Criteria.AddField(new FieldType { Name = "patients", ResolvedType = filters.For(GraphModel.Patient), Description = "Conditions on patients (through any relationship)." });
        Criteria.AddField(new FieldType { Name = "series", ResolvedType = filters.For(GraphModel.Series), Description = "Conditions on series; only matching series are included." });

        SaveInput = new InputObjectGraphType { Name = "SaveCohortInput", Description = "A cohort to save." };
        SaveInput.AddField(new FieldType { Name = "name", ResolvedType = new NonNullGraphType(Scalars.String), Description = "Display name." });
        SaveInput.AddField(new FieldType { Name = "description", ResolvedType = Scalars.String, Description = "Why the cohort was made." });
        SaveInput.AddField(new FieldType { Name = "criteria", ResolvedType = new NonNullGraphType(Criteria), Description = "The criteria." });
        Visibility = new EnumerationGraphType { Name = "CohortVisibility", Description = "Who may read a cohort besides curators and admins." };
        Visibility.Add("PRIVATE", "PRIVATE", "Its owner only (the default).");
        Visibility.Add("SHARED", "SHARED", "Its owner and the callers named in sharedWith.");
        Visibility.Add("PUBLIC", "PUBLIC", "Everyone, signed-out visitors too (each still reads only the records its access allows).");
        SaveInput.AddField(new FieldType { Name = "visibility", ResolvedType = Visibility, Description = "Who may read it (PRIVATE by default; SHARED when sharedWith names callers)." });
        SaveInput.AddField(new FieldType { Name = "sharedWith", ResolvedType = new ListGraphType(new NonNullGraphType(Scalars.String)), Description = "The callers a SHARED cohort is shared with (as cohorts name owners: key:ID for an API key)." });
    }

    public EnumerationGraphType Visibility { get; }

    public AggregateGraphTypes Aggregates { get; }

    public InputObjectGraphType Criteria { get; }

    public InputObjectGraphType SaveInput { get; }

    /// <summary>Adds drift, the current selection and the manifest address to the generated Cohort type.</summary>
    public void Extend(ObjectGraphType cohort)
    {
        ConnectionGraphTypes.Add(cohort, "drift", new NonNullGraphType(Aggregates.Drift), "The members compared with what the criteria select now, in the access the cohort was saved with.", c =>
        {
            var node = (GraphNode)c.Source!;
            var request = CatalogRequest.From(c);
            var criteria = CohortCriteriaReader.Parse(CriteriaJson.Read(node["criteria"] as string ?? "{}"), request.Limits);
            // A cohort saved before its access was recorded ran on whatever its owner could read: its drift is counted over everything.
            var savedWith = RecordAccess.FromSignature(node["access"] as string) ?? RecordAccess.Everything;
            return request.Aggregates.Drift(node, criteria, savedWith);
        }).Disclosed(DisclosureKind.Protected);
        ConnectionGraphTypes.Add(cohort, "selection", new NonNullGraphType(Aggregates.Summary), "The saved members that are still in the catalogue, with their series that match the saved series criteria now.", c =>
        {
            var node = (GraphNode)c.Source!;
            var request = CatalogRequest.From(c);
            var criteria = CohortCriteriaReader.Parse(CriteriaJson.Read(node["criteria"] as string ?? "{}"), request.Limits);
            return request.Aggregates.Summarize(node, criteria.Series);
        }).Disclosed(DisclosureKind.Protected);
        ConnectionGraphTypes.Add(cohort, "manifestUrl", new NonNullGraphType(Scalars.String), "Where to download the manifest (add ?format=json for JSON).", c =>
            $"/cohorts/{Uri.EscapeDataString(((GraphNode)c.Source!).Key)}/manifest?format=csv");
    }

    /// <summary>Adds what a dataset, repository or cancer type holds: its patients' records counted over the whole catalogue, protected.</summary>
    public void AddSummary(ObjectGraphType holder)
    {
        var field = ConnectionGraphTypes.Add(holder, "summary", new NonNullGraphType(Aggregates.Summary),
            "What it holds over the whole catalogue: patients, studies, series, size and facets, with the records the caller may not read protected (\"about 2,200 patients\").",
            c => CatalogRequest.From(c).Aggregates.Summarize((GraphNode)c.Source!));
        field.Disclosed(DisclosureKind.Protected);
    }
}
