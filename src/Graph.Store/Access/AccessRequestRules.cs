namespace Graph.Store.Access;

/// <summary>The rules of the steps of an access request: who may take a step, from which status, and what its texts must be.</summary>
internal static class AccessRequestRules
{
    /// <summary>The datasets of a new request (distinct, in order), its purpose and its project (trimmed); every bad input is named in one error.</summary>
    public static (List<string> Datasets, string Purpose, string Project) CheckSubmission(
        IEnumerable<string> datasets, string? purpose, string? project, Func<string, string?> problemOf)
    {
        var slugs = datasets.Select(d => (d ?? "").Trim()).ToList();
        var problems = new List<string>();
        if (slugs.Count == 0)
            problems.Add("'datasets' must name at least one dataset.");
        if (slugs.Count > AccessRequests.MaxDatasets)
            problems.Add($"'datasets' names {slugs.Count} datasets; at most {AccessRequests.MaxDatasets} go in one request.");
        foreach (var slug in slugs.Distinct(StringComparer.Ordinal))
        {
            if (slug.Length == 0)
                problems.Add("'datasets' has an empty slug.");
            else if (problemOf(slug) is { } problem)
                problems.Add($"'datasets': {slug}: {problem}");
        }

        var why = Text("purpose", purpose, problems);
        var what = Text("project", project, problems, 200);
        if (problems.Count > 0)
            throw new AccessRequestException(string.Join(" ", problems));
        return (slugs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), why!, what!);
    }

    /// <summary>Refuses the step unless the actor holds every dataset of the request.</summary>
    public static void RequireHolder(AccessRequest request, AccessRequestActor actor, string step)
    {
        if (!actor.HoldsAll(request))
            throw new AccessRequestException(AccessRequestException.Forbidden, $"Only a holder of every dataset of request {request.Id} may {step} it.");
    }

    /// <summary>Refuses the step unless the request is in one of the statuses it may be taken from.</summary>
    public static void Require(AccessRequest request, string step, params AccessRequestStatus[] from)
    {
        if (!from.Contains(request.Status))
        {
            throw new AccessRequestException(
                AccessRequestException.IllegalTransition,
                $"Request {request.Id} is {AccessRequests.Name(request.Status)}; only a request that is {string.Join(" or ", from.Select(AccessRequests.Name))} can be {Past(step)}.");
        }
    }

    // Written out for every step: English past tenses follow no one rule (rejected, withdrawn, taken into review).
    private static string Past(string step) => step switch
    {
        "review" => "taken into review",
        "comment on" => "commented on",
        "approve" => "approved",
        "reject" => "rejected",
        "withdraw" => "withdrawn",
        "revoke" => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "A step without a past tense."),
    };

    /// <summary>A text trimmed, with a problem added when it is empty or too long.</summary>
    public static string? Text(string name, string? text, List<string> problems, int max = AccessRequests.MaxText)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            problems.Add($"'{name}' must not be empty.");
        else if (trimmed.Length > max)
            problems.Add($"'{name}' has {trimmed.Length} characters; at most {max}.");
        return trimmed;
    }

    /// <summary>A text trimmed; refused when it is empty or too long.</summary>
    public static string Required(string name, string? text)
    {
        var problems = new List<string>();
        var trimmed = Text(name, text, problems);
        return problems.Count > 0 ? throw new AccessRequestException(problems[0]) : trimmed!;
    }

    /// <summary>A text trimmed, or null when none is given; refused when too long.</summary>
    public static string? Optional(string name, string? text) => string.IsNullOrWhiteSpace(text) ? null : Required(name, text);
}
