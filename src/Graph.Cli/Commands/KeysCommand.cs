using System.CommandLine;
using System.Globalization;
using Graph.Store;
using Graph.Store.Access;

namespace Graph.Cli.Commands;

/// <summary><c>graph keys create|list|revoke</c>: API keys of the service, kept hashed in the store of record (access.db beside graph.db, or Neo4j).</summary>
/// <remarks>Exit codes: 0 done, 1 no such key or store failure, 2 usage errors.</remarks>
internal static class KeysCommand
{
    public static Command Create() => new("keys", "Create, list and revoke the service's API keys (stored hashed in the store of record: access.db in --data, or Neo4j; a key is shown once, when created).")
    {
        CreateCommand(),
        ListCommand(),
        RevokeCommand(),
    };

    private static Command CreateCommand()
    {
        var role = new Option<string>("--role") { Description = $"The key's role: {string.Join(", ", ApiKey.Roles)}.", Required = true };
        var owner = new Option<string>("--owner") { Description = "Who holds the key (a person or service; shown in the audit log as the key id).", Required = true };
        var grants = new Option<string[]>("--grant") { Description = "A dataset slug whose restricted records the key may read; repeat for several.", AllowMultipleArgumentsPerToken = true };
        var expires = new Option<string?>("--expires") { Description = "When the key stops working: a date (2027-06-30) or a number of days (90d). Default: never." };
        var data = CommonOptions.Data();
        var command = new Command("create", "Create a key and print it once; only its hash is kept.") { role, owner, grants, expires, data };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var roleText = result.GetValue(role)!.Trim().ToLowerInvariant();
            if (!ApiKey.Roles.Contains(roleText))
            {
                await error.WriteLineAsync($"graph keys create: --role must be one of {string.Join(", ", ApiKey.Roles)}, not '{roleText}'.");
                return 2;
            }

            var ownerText = result.GetValue(owner)!.Trim();
            if (ownerText.Length is 0 or > 200)
            {
                await error.WriteLineAsync("graph keys create: --owner must have 1 to 200 characters.");
                return 2;
            }

            if (!TryParseExpiry(result.GetValue(expires), out var expiresAt))
            {
                await error.WriteLineAsync($"graph keys create: --expires must be a future date (2027-06-30) or days (90d), not '{result.GetValue(expires)}'.");
                return 2;
            }

            try
            {
                var slugs = result.GetValue(grants) ?? [];
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var (key, secret) = await session.Keys.CreateAsync(roleText, ownerText, slugs, expiresAt, cancellationToken);
                var output = result.InvocationConfiguration.Output;
                await output.WriteLineAsync($"Created key {key.Id} (role {key.Role}, owner {key.Owner}{(key.Grants.Count > 0 ? ", grants " + string.Join(' ', key.Grants) : "")}{(expiresAt is { } e ? ", expires " + e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}).");
                await output.WriteLineAsync("Store it now; it is not kept and cannot be shown again. Send it as the X-Api-Key header:");
                await output.WriteLineAsync(secret);
                return 0;
            }
            catch (GraphStoreException e)
            {
                await error.WriteLineAsync($"graph keys create: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command ListCommand()
    {
        var data = CommonOptions.Data();
        var command = new Command("list", "List the keys (never their secrets): id, role, owner, grants, created, expires, state.") { data };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            IReadOnlyList<ApiKey> keys;
            try
            {
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                keys = await session.Keys.ListAsync(cancellationToken);
            }
            catch (GraphStoreException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"graph keys list: {e.Message}");
                return 1;
            }

            await output.WriteLineAsync("id\trole\towner\tgrants\tcreated\texpires\tstate");
            var now = DateTimeOffset.UtcNow;
            foreach (var key in keys)
            {
                var state = key.RevokedAt is not null ? "revoked" : key.IsValidAt(now) ? "active" : "expired";
                await output.WriteLineAsync(string.Join('\t', key.Id, key.Role, key.Owner, string.Join(' ', key.Grants), Day(key.CreatedAt), key.ExpiresAt is { } e ? Day(e) : "never", state));
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeCommand()
    {
        var id = new Argument<string>("ID") { Description = "The key's id (from keys list)." };
        var data = CommonOptions.Data();
        var command = new Command("revoke", "Revoke a key: every replica of the service refuses it within its follow interval (Graph:FollowIntervalSeconds).") { id, data };
        command.SetAction(async (result, cancellationToken) =>
        {
            var keyId = result.GetValue(id)!;
            bool revoked;
            try
            {
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                revoked = await session.Keys.RevokeAsync(keyId, cancellationToken);
            }
            catch (GraphStoreException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"graph keys revoke: {e.Message}");
                return 1;
            }

            if (!revoked)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"graph keys revoke: no key '{keyId}'.");
                return 1;
            }

            await result.InvocationConfiguration.Output.WriteLineAsync($"Revoked key {keyId}.");
            return 0;
        });
        return command;
    }

    internal static bool TryParseExpiry(string? text, out DateTimeOffset? expiresAt)
    {
        expiresAt = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        text = text.Trim();
        if (text.EndsWith('d') && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0)
            expiresAt = DateTimeOffset.UtcNow.AddDays(days);
        else if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) && date > DateTimeOffset.UtcNow)
            expiresAt = date;
        return expiresAt is not null;
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
