using System.Globalization;
using Graph.Api.Schema.Types;
using Graph.Store.Access;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Access;

/// <summary>The types of access requests: the request, a step of its history, its status and the input of requestAccess (one instance per schema).</summary>
internal sealed class AccessRequestGraphTypes
{
    public AccessRequestGraphTypes()
    {
        Status = new EnumerationGraphType { Name = "AccessRequestStatus", Description = "Where an access request stands (EUCAIM's negotiation)." };
        foreach (var (status, description) in new[]
        {
            (AccessRequestStatus.Submitted, "Sent; no holder has acted yet."),
            (AccessRequestStatus.InReview, "A holder is reviewing it or asked a question."),
            (AccessRequestStatus.Approved, "Granted until grantExpiresAt: the requester reads the datasets' records."),
            (AccessRequestStatus.Rejected, "Refused with a reason (final)."),
            (AccessRequestStatus.Withdrawn, "Taken back by the requester before a decision (final)."),
            (AccessRequestStatus.Expired, "Approved once; the grant's time is over (a holder may still revoke it)."),
            (AccessRequestStatus.Revoked, "Approved once, then revoked by a holder with a reason: it grants nothing (final)."),
        })
        {
            Status.Add(AccessRequests.Name(status), status, description);
        }

        Event = new ObjectGraphType<AccessRequestEvent> { Name = "AccessRequestEvent", Description = "A step of an access request: who did what, when, with the text they gave." };
        Event.AddValue("time", Scalars.String, "When (ISO 8601, UTC).", e => Time(e.Time));
        Event.AddValue("actor", Scalars.String, "Who (an API key as key:ID, a token subject, or system for an expiry).", e => e.Actor);
        Event.AddValue("action", Scalars.String, "submit, comment, review, approve, reject, withdraw, revoke or expire.", e => e.Action);
        Event.AddValue("status", Status, "The status after the step.", e => e.Status);
        Event.AddField(new FieldType { Name = "text", ResolvedType = Scalars.String, Description = "The purpose, question, answer or reason given.", Resolver = new FuncFieldResolver<AccessRequestEvent, object?>(c => c.Source.Text) });

        Request = new ObjectGraphType<AccessRequest> { Name = "AccessRequest", Description = "A researcher's request to read the records of restricted datasets, and its negotiation with their holders." };
        Request.AddValue("requestId", Scalars.String, "The request's id.", r => r.Id);
        Request.AddValue("status", Status, "Where it stands.", r => r.Status);
        Request.AddValue("requester", Scalars.String, "Who asked (an API key as key:ID, or a token subject); an approval grants it the datasets.", r => r.Requester);
        Request.AddValue("datasets", new ListGraphType(new NonNullGraphType(Scalars.String)), "The slugs of the datasets asked for.", r => r.Datasets);
        Request.AddField(new FieldType { Name = "cohort", ResolvedType = Scalars.String, Description = "The id of the saved cohort it is for, if any.", Resolver = new FuncFieldResolver<AccessRequest, object?>(c => c.Source.Cohort) });
        Request.AddValue("purpose", Scalars.String, "What the data is for.", r => r.Purpose);
        Request.AddValue("project", Scalars.String, "The project it is for.", r => r.Project);
        Request.AddValue("createdAt", Scalars.String, "When it was submitted (ISO 8601, UTC).", r => Time(r.CreatedAt));
        Request.AddValue("updatedAt", Scalars.String, "When it last changed (ISO 8601, UTC).", r => Time(r.UpdatedAt));
        Request.AddField(new FieldType
        {
            Name = "grantExpiresAt",
            ResolvedType = Scalars.String,
            Description = "When an approval's grant ends (ISO 8601, UTC); null before an approval.",
            Resolver = new FuncFieldResolver<AccessRequest, object?>(c => c.Source.GrantExpiresAt is { } t ? Time(t) : null),
        });
        Request.AddValue("history", new ListGraphType(new NonNullGraphType(Event)), "Every step, oldest first.", r => r.History);

        Input = new InputObjectGraphType { Name = "RequestAccessInput", Description = "What a researcher asks for, and why." };
        Input.AddField(new FieldType { Name = "datasets", ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(Scalars.String))), Description = $"Slugs of restricted datasets (1 to {AccessRequests.MaxDatasets})." });
        Input.AddField(new FieldType { Name = "cohort", ResolvedType = Scalars.String, Description = "The id of one of your saved cohorts that the request is for." });
        Input.AddField(new FieldType { Name = "purpose", ResolvedType = new NonNullGraphType(Scalars.String), Description = "What the data is for." });
        Input.AddField(new FieldType { Name = "project", ResolvedType = new NonNullGraphType(Scalars.String), Description = "The project it is for (at most 200 characters)." });
    }

    public EnumerationGraphType Status { get; }

    public ObjectGraphType<AccessRequestEvent> Event { get; }

    public ObjectGraphType<AccessRequest> Request { get; }

    public InputObjectGraphType Input { get; }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
