namespace Graph.Ingest.Demo;

/// <summary>A synthetic dataset of the demo federation.</summary>
/// <param name="Slug">The Dataset key.</param>
/// <param name="Code">The short code in its patients' pseudonyms.</param>
/// <param name="Title">Title, which says the dataset is synthetic.</param>
/// <param name="Description">What it contains.</param>
/// <param name="Project">The project whose data it is shaped like.</param>
/// <param name="AccessTier">open, registered or restricted.</param>
/// <param name="Licence">SPDX identifier or licence reference.</param>
/// <param name="Version">The dataset version.</param>
/// <param name="Repository">The index of the hosting repository in <see cref="DemoRepositories.All"/>.</param>
/// <param name="LaunchPatients">Its patients in the launch catalogue of 20,000; other sizes scale it.</param>
/// <param name="Paediatric">Whether its patients are children.</param>
/// <param name="Cohorts">Its patients by cancer type.</param>
internal sealed record DemoDataset(
    string Slug,
    string Code,
    string Title,
    string Description,
    string Project,
    string AccessTier,
    string Licence,
    string Version,
    int Repository,
    int LaunchPatients,
    bool Paediatric,
    DemoCohort[] Cohorts)
{
    /// <summary>The DOI, under the 10.5555 prefix that is reserved for tests and examples.</summary>
    public string Doi => $"10.5555/cig-demo.{Slug}";
}
