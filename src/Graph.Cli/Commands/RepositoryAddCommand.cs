using System.CommandLine;
using Graph.Ingest.Harvest;
using Graph.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Cli.Commands;

/// <summary><c>graph repository add SLUG --name --base-url ...</c>: registers a DICOMweb repository, or updates the one with the slug.</summary>
/// <remarks>Exit codes: 0 done, 1 store failure, 2 usage errors.</remarks>
internal static class RepositoryAddCommand
{
    private const string Name = "graph repository add";

    public static Command Create()
    {
        // Zero or more, so a missing or second slug reaches the command as a usage error (exit 2).
        var slug = new Argument<string[]>("SLUG") { Description = "The repository's slug (lowercase letters, digits, '.', '_', '-').", Arity = ArgumentArity.ZeroOrMore };
        var name = new Option<string?>("--name") { Description = "Display name (required).", HelpName = "TEXT" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The DICOMweb root, http or https, without credentials, spaces or characters IRIs forbid (required).", HelpName = "URL" };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country code of the holder (ES, DE, ...).", HelpName = "CC" };
        var institution = new Option<string?>("--institution") { Description = "The institution that runs the repository.", HelpName = "TEXT" };
        var contact = new Option<string?>("--contact") { Description = "Where to ask for access: an e-mail address or an http(s) URL.", HelpName = "ADDRESS" };
        var description = new Option<string?>("--description") { Description = "What the repository holds.", HelpName = "TEXT" };
        var viewer = new Option<string?>("--viewer-url-template")
        {
            Description = "The web viewer link of a study or series: an http(s) URL with {baseUrl}, {studyInstanceUid} (required) and {seriesInstanceUid}.",
            HelpName = "URL",
        };
        var data = CommonOptions.Data();
        var command = new Command(
            "add",
            "Register a DICOMweb repository as a Repository node (kind DICOMweb), or update the one with the slug: options given replace "
            + "stored values, options left out keep them.")
        {
            slug, name, baseUrl, country, institution, contact, description, viewer, data,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var slugs = result.GetValue(slug) ?? [];
            if (slugs.Length != 1)
            {
                await error.WriteLineAsync($"{Name}: give one SLUG (see --help).");
                return 2;
            }

            var registration = new RepositoryRegistration
            {
                Slug = slugs[0],
                Name = result.GetValue(name) ?? "",
                BaseUrl = result.GetValue(baseUrl) ?? "",
                Country = result.GetValue(country)?.Trim().ToUpperInvariant(),
                Institution = result.GetValue(institution),
                Contact = result.GetValue(contact),
                Description = result.GetValue(description),
                ViewerUrlTemplate = result.GetValue(viewer),
            };
            if (registration.Validate() is { Count: > 0 } errors)
            {
                await error.WriteLineAsync($"{Name}: {string.Join(" ", errors)}");
                return 2;
            }

            try
            {
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var store = session.Store;
                var writer = session.Writer;
                var added = await RepositoryRegistry.AddAsync(store, writer, registration, cancellationToken);
                await output.WriteLineAsync(added switch
                {
                    RepositoryAddResult.Created => $"Registered repository '{registration.Slug}' ({registration.BaseUrl}).",
                    RepositoryAddResult.Updated => $"Updated repository '{registration.Slug}' ({registration.BaseUrl}).",
                    _ => $"Repository '{registration.Slug}' was registered already with these values; nothing changed.",
                });
                await output.WriteLineAsync(
                    $"Harvest it with 'graph harvest {registration.Slug} --dataset D', or on schedule with Graph:Harvest:Repositories:{registration.Slug}:Enabled=true.");
                return 0;
            }
            catch (Exception e) when (e is GraphStoreException or ChangeSetRejectedException)
            {
                await error.WriteLineAsync($"{Name}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
