using System.CommandLine;
using Graph.Ingest.Mappings;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary><c>graph export mappings [FILE]</c>: writes every concept mapping as SSSOM TSV, to a file or standard output.</summary>
/// <remarks>Exit codes: 0 written, 1 store failure, 2 usage errors.</remarks>
internal static class ExportMappingsCommand
{
    private const string Name = "graph export mappings";

    public static Command Create()
    {
        var file = new Argument<string[]>("FILE") { Description = "Where to write (standard output when left out).", Arity = ArgumentArity.ZeroOrMore };
        var setId = new Option<string>("--mapping-set-id") { Description = "The mapping_set_id to write.", DefaultValueFactory = _ => SssomWriter.DefaultMappingSetId };
        var license = new Option<string>("--license") { Description = "The license to write.", DefaultValueFactory = _ => SssomWriter.DefaultLicense };
        var data = CommonOptions.Data();
        var command = new Command("mappings", "Export every concept mapping with its provenance as SSSOM TSV (curie_map of every prefix used, rows in CURIE order).")
        {
            file, setId, license, data,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var files = result.GetValue(file) ?? [];
            if (files.Length > 1)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"{Name}: give at most one FILE (see --help).");
                return 2;
            }

            try
            {
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var store = session.Store;
                var source = await MappingSetSource.ReadAsync(store, cancellationToken);
                using var text = new StringWriter();
                SssomWriter.Write(text, source.Mappings, source.Concepts, result.GetValue(setId)!, result.GetValue(license)!);
                if (files.Length == 1)
                    await File.WriteAllTextAsync(files[0], text.ToString(), cancellationToken);
                else
                    await result.InvocationConfiguration.Output.WriteAsync(text.ToString());
                return 0;
            }
            catch (GraphStoreException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"{Name}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
