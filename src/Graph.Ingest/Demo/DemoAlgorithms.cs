using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Demo;

/// <summary>A few synthetic AI models of the demo catalogue, trained on its datasets, so algorithms can be explored.</summary>
internal static class DemoAlgorithms
{
    private static readonly (string Slug, string Name, string Task, string Version, string Metrics, string[] TrainedOn, string[] Targets)[] All =
    [
        ("synthetic-liver-hcc-segmentation-1.0", "Synthetic liver HCC segmentation (U-Net)", "segmentation", "1.0", """{"dice": 0.81}""",
            ["eucanimage-hcc-barcelona"], ["liver"]),
        ("synthetic-liver-metastasis-detection-0.9", "Synthetic colorectal liver metastasis detection", "detection", "0.9", """{"sensitivity": 0.88, "fpPerScan": 1.2}""",
            ["eucanimage-liver-ct-paris", "eucanimage-colorectal-paris"], ["colon", "rectum"]),
        ("synthetic-prostate-csp-classifier-2.1", "Synthetic clinically significant prostate cancer classifier", "classification", "2.1", """{"auc": 0.86}""",
            ["procancer-mpmri-athens", "procancer-mpmri-nijmegen", "chaimeleon-prostate-valencia"], ["prostate"]),
        ("synthetic-lung-nodule-detection-1.2", "Synthetic lung nodule detection", "detection", "1.2", """{"frocSensitivity": 0.84}""",
            ["chaimeleon-lung-valencia", "incisive-lung-naples"], ["lung"]),
        ("synthetic-glioma-segmentation-3.0", "Synthetic glioma and glioblastoma segmentation", "segmentation", "3.0", """{"diceWholeTumour": 0.89}""",
            ["glioblastoma-heidelberg", "glioma-leuven"], ["glioma", "glioblastoma"]),
    ];

    /// <summary>Adds the algorithms, their TRAINED_ON datasets and TARGETS cancer types to the catalogue's ChangeSet.</summary>
    public static void AddTo(ChangeSet set)
    {
        foreach (var a in All)
        {
            set.Add(NodeRecord.Of(GraphModel.Algorithm, a.Slug, ("name", a.Name), ("task", a.Task), ("version", a.Version), ("metrics", a.Metrics),
                ("licence", "LicenseRef-Synthetic-Demo"), ("url", $"https://models.example/{a.Slug}")));
            foreach (var dataset in a.TrainedOn)
                set.Add(EdgeRecord.Of("TRAINED_ON", new NodeRef(GraphModel.Algorithm.Label, a.Slug), new NodeRef(GraphModel.Dataset.Label, dataset)));
            foreach (var type in a.Targets)
                set.Add(EdgeRecord.Of("TARGETS", new NodeRef(GraphModel.Algorithm.Label, a.Slug), new NodeRef(GraphModel.CancerType.Label, type)));
        }
    }
}
