namespace Graph.Ingest.Demo;

/// <summary>How far seeding the demo catalogue has come, reported after each ChangeSet.</summary>
/// <param name="Batches">ChangeSets written.</param>
/// <param name="BatchesTotal">ChangeSets to write.</param>
/// <param name="Patients">Patients written.</param>
/// <param name="PatientsTotal">Patients to write.</param>
/// <param name="Series">Series written.</param>
/// <param name="Elapsed">Time since seeding started.</param>
public sealed record SeedProgress(int Batches, int BatchesTotal, int Patients, int PatientsTotal, long Series, TimeSpan Elapsed);
