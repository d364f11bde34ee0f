using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Hardening;

/// <summary>Settings are read at start. A settings file watched for changes watches the content root with its subfolders,
/// which hold the default data folder: every audit line and store write then woke the watcher (a third of a key lookup's cost).</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ConfigurationWatchTests(CatalogueFactory service)
{
    [Fact]
    public void SettingsFiles_AreNotWatched()
    {
        var configuration = (IConfigurationRoot)service.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }
}
