using System.CommandLine;
using System.Globalization;
using Graph.Store;
using Graph.Store.Access;

namespace Graph.Cli.Commands;

/// <summary><c>graph access-requests list|approve|reject|revoke</c>: the holders' side of researchers' access requests, on the store of record.</summary>
/// <remarks>The operator acts as a holder of every dataset, recorded in each request's history as <c>cli:NAME</c>. Exit codes: 0 done, 1 no such
/// request, a step the request's status does not allow, or a store failure, 2 usage errors.</remarks>
internal static class AccessRequestsCommand
{
    public static Command Create() => new("access-requests", "List, approve, reject and revoke researchers' access requests (as a holder of every dataset).")
    {
        ListCommand(),
        ApproveCommand(),
        RejectCommand(),
        RevokeCommand(),
    };

    // Checked by the step, not the parser: the parser's error for a missing option exits 1, and a missing reason is a bad option (2).
    private static Option<string?> Reason() => new("--reason") { Description = "Why (required; the requester sees it)." };

    private static Option<string?> By() => new("--by") { Description = "Who decides, as the request's history records it (cli:NAME); default: the user running the command." };

    private static Command ListCommand()
    {
        var status = new Option<string[]>("--status") { Description = $"Only requests with this status ({string.Join(", ", Enum.GetValues<AccessRequestStatus>().Select(AccessRequests.Name))}); repeat for several.", AllowMultipleArgumentsPerToken = true };
        var data = CommonOptions.Data();
        var command = new Command("list", "List requests, newest first: id, status, requester, datasets, project, created, grant expiry, purpose.") { status, data };
        command.SetAction(async (result, cancellationToken) =>
        {
            var texts = result.GetValue(status) ?? [];
            var bad = texts.Where(t => AccessRequests.Parse(t) is null).ToList();
            if (bad.Count > 0)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync(
                    $"graph access-requests list: --status must be one of {string.Join(", ", Enum.GetValues<AccessRequestStatus>().Select(AccessRequests.Name))}, not {string.Join(", ", bad.Select(b => $"'{b}'"))}.");
                return 2;
            }

            return await RunAsync(result, data, "list", async session =>
            {
                var requests = await session.AccessRequests.ListAsync(
                    AccessRequestActor.HolderOfAll(Actor(null)), texts.Select(t => AccessRequests.Parse(t)!.Value).ToList(), cancellationToken);
                var output = result.InvocationConfiguration.Output;
                await output.WriteLineAsync("id\tstatus\trequester\tdatasets\tproject\tcreated\texpires\tpurpose");
                foreach (var r in requests)
                {
                    await output.WriteLineAsync(string.Join('\t', r.Id, AccessRequests.Name(r.Status), r.Requester, string.Join(' ', r.Datasets), OneLine(r.Project),
                        Day(r.CreatedAt), r.GrantExpiresAt is { } e ? Day(e) : "-", OneLine(r.Purpose)));
                }
            });
        });
        return command;
    }

    private static Command ApproveCommand()
    {
        var id = new Argument<string>("ID") { Description = "The request's id (from access-requests list)." };
        var reason = new Option<string?>("--reason") { Description = "Why, or on which conditions." };
        var expires = new Option<string?>("--expires") { Description = "When the grant ends: a date (2027-06-30) or a number of days (90d). Default: a year." };
        var by = By();
        var data = CommonOptions.Data();
        var command = new Command("approve", "Approve a SUBMITTED or IN_REVIEW request: the requester's key reads the datasets' records until the expiry.") { id, reason, expires, by, data };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!KeysCommand.TryParseExpiry(result.GetValue(expires), out var until))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"graph access-requests approve: --expires must be a future date (2027-06-30) or days (90d), not '{result.GetValue(expires)}'.");
                return 2;
            }

            return await RunAsync(result, data, "approve", async session =>
            {
                var request = await session.AccessRequests.ApproveAsync(
                    result.GetValue(id)!, AccessRequestActor.HolderOfAll(Actor(result.GetValue(by))), result.GetValue(reason), until, cancellationToken);
                await result.InvocationConfiguration.Output.WriteLineAsync(
                    $"Approved {request.Id}: {request.Requester} reads {string.Join(' ', request.Datasets)} until {Day(request.GrantExpiresAt!.Value)}.");
            });
        });
        return command;
    }

    private static Command RejectCommand()
    {
        var id = new Argument<string>("ID") { Description = "The request's id (from access-requests list)." };
        var reason = Reason();
        var by = By();
        var data = CommonOptions.Data();
        var command = new Command("reject", "Reject a SUBMITTED or IN_REVIEW request with a reason.") { id, reason, by, data };
        command.SetAction((result, cancellationToken) => RunAsync(result, data, "reject", async session =>
        {
            var request = await session.AccessRequests.RejectAsync(result.GetValue(id)!, AccessRequestActor.HolderOfAll(Actor(result.GetValue(by))), result.GetValue(reason), cancellationToken);
            await result.InvocationConfiguration.Output.WriteLineAsync($"Rejected {request.Id}.");
        }));
        return command;
    }

    private static Command RevokeCommand()
    {
        var id = new Argument<string>("ID") { Description = "The request's id (from access-requests list)." };
        var reason = Reason();
        var by = By();
        var data = CommonOptions.Data();
        var command = new Command("revoke", "Revoke an APPROVED (or EXPIRED) request with a reason: it grants nothing from then on; a running service sees it within its follow interval.") { id, reason, by, data };
        command.SetAction((result, cancellationToken) => RunAsync(result, data, "revoke", async session =>
        {
            var request = await session.AccessRequests.RevokeAsync(result.GetValue(id)!, AccessRequestActor.HolderOfAll(Actor(result.GetValue(by))), result.GetValue(reason), cancellationToken);
            await result.InvocationConfiguration.Output.WriteLineAsync($"Revoked {request.Id}: its grant of {string.Join(' ', request.Datasets)} to {request.Requester} has ended.");
        }));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, Option<DirectoryInfo> data, string name, Func<GraphSession, Task> step)
    {
        var error = result.InvocationConfiguration.Error;
        try
        {
            await using var session = await CommonOptions.OpenAsync(result, data, CancellationToken.None);
            await step(session);
            return 0;
        }
        catch (AccessRequestException e)
        {
            await error.WriteLineAsync($"graph access-requests {name}: {e.Code}: {e.Message}");
            return e.Code == AccessRequestException.BadInput ? 2 : 1;
        }
        catch (GraphStoreException e)
        {
            await error.WriteLineAsync($"graph access-requests {name}: {e.Message}");
            return 1;
        }
    }

    private static string Actor(string? by) => "cli:" + (string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim());

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ');

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
