using System.Runtime.CompilerServices;

// The harvest tests drive the scheduled harvester and the repository mutations directly.
[assembly: InternalsVisibleTo("Graph.Harvest.Tests")]
