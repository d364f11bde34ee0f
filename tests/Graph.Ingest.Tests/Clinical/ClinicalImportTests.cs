using System.Text;
using Graph.Ingest.Clinical;
using Graph.Ingest.Records;

namespace Graph.Ingest.Tests.Clinical;

/// <summary>Clinical import through the writer into a SQLite catalogue: validation row by row, whole records, warnings, idempotence.</summary>
public sealed class ClinicalImportTests : IAsyncLifetime
{
    private const string Header = "pseudonym,diagnosis,cancerType,icd10,icdO3Morphology,stage,tnmT,tnmN,tnmM,grade,er,pr,her2,psa,gleasonScore,ki67,ageAtDiagnosis,year,vitalStatus";

    private ClinicalScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await ClinicalScenario.CreateAsync();

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private Task<ClinicalImportSummary> ImportAsync(string content, RecordFormat format = RecordFormat.Csv, int batch = 500) =>
        ClinicalImport.RunAsync(
            _scenario.Store, _scenario.Writer, RecordFile.Read(Encoding.UTF8.GetBytes(content), format, ClinicalColumns.Import), batch, CancellationToken.None);

    [Fact]
    public async Task Import_ValidCsv_WritesDiagnosisWithMarkersTypeAndCodeLinks()
    {
        var summary = await ImportAsync($"""
            {Header}
            SYN-CLI-000001,1,,C50.4,8500/3,IIA,T2,N0,M0,G2,positive,Positive,negative,,,"22%",57,2021,alive
            SYN-CLI-000002,1,prostate,C61,8140/3,IIC,T2c,N0,M0,GG3,,,,12.5,3+4,,66,2020,deceased
            """);

        Assert.Equal((2, 2, 0), (summary.Records, summary.Applied, summary.Rejected));
        var breast = await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000001/1");
        Assert.NotNull(breast);
        Assert.Equal(("C50.4", "8500/3", "IIA", "G2", "positive", "positive", "negative"),
            ((string)breast["icd10"]!, (string)breast["icdO3Morphology"]!, (string)breast["stage"]!, (string)breast["grade"]!, (string)breast["er"]!, (string)breast["pr"]!, (string)breast["her2"]!));
        Assert.Equal(22.0, breast["ki67"]);
        Assert.Equal(["breast"], await _scenario.TargetsAsync("OF_TYPE", "Diagnosis", "SYN-CLI-000001/1"));
        Assert.Equal(["ICD10:C50", "ICDO3:8500/3"], await _scenario.TargetsAsync("CODED_AS", "Diagnosis", "SYN-CLI-000001/1"));
        Assert.Equal(["SYN-CLI-000001/1"], await _scenario.TargetsAsync("HAS_DIAGNOSIS", "Patient", "SYN-CLI-000001"));

        var prostate = await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000002/1");
        Assert.Equal(7L, prostate!["gleasonScore"]);
        Assert.Equal(12.5, prostate["psa"]);
        Assert.Equal(["ICD10:C61", "ICDO3:8140/3"], await _scenario.TargetsAsync("CODED_AS", "Diagnosis", "SYN-CLI-000002/1"));
        var patient = await _scenario.NodeAsync("Patient", "SYN-CLI-000002");
        Assert.Equal(("deceased", 66L), ((string)patient!["vitalStatus"]!, (long)patient["ageAtDiagnosis"]!));
        Assert.Equal("F", patient["sex"]);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondChangesNothingAndKeepsTheSequence()
    {
        var file = $"""
            {Header}
            SYN-CLI-000001,1,breast,C50.9,8500/3,I,T1c,N0,M0,G1,positive,positive,negative,,,10,50,2019,alive
            SYN-CLI-000001,2,breast,C50.2,8500/3,IIB,T2,N1,M0,G3,negative,negative,positive,,,40,55,2024,
            """;
        var first = await ImportAsync(file, batch: 1);
        var second = await ImportAsync(file);

        Assert.True(first.NodesChanged > 0 && first.EdgesChanged > 0);
        Assert.Equal((2, 0L, 0L, first.Sequence), (second.Applied, second.NodesChanged, second.EdgesChanged, second.Sequence));
        Assert.Equal(first.Sequence, await _scenario.Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_BadRecords_RejectsEachWithLineAndColumn_AndAppliesTheGoodOnesWhole()
    {
        var summary = await ImportAsync($"""
            {Header}
            SYN-CLI-000001,1,breast,C50.4,8500/3,IIA,T2,N0,M0,G2,positive,positive,negative,,,,57,2021,alive
            SYN-NOBODY-1,1,breast,C50.4,,,,,,,,,,,,,,,
            SYN-CLI-000002,1,prostate,C61,8140/3,IIC,T9,N0,M0,GG3,,,,-4,3+4,,66,2020,zombie
            SYN-CLI-000003,1,kidney,X,,,,,,,,,,,,,,,
            SYN-CLI-000001,1,breast,C50.4,,,,,,,,,,,,,,,
            SYN-CLI-000003,1,lung,C34.1,,,,,,,,,,,,,,
            """);

        Assert.Equal((6, 1, 5), (summary.Records, summary.Applied, summary.Rejected));
        var rejected = summary.Problems.Where(p => p.Severity == ProblemSeverity.Rejected).Select(p => (p.Line, p.Column)).ToList();
        Assert.Contains((3, "pseudonym"), rejected);
        Assert.Contains((4, "tnmT"), rejected);
        Assert.Contains((4, "psa"), rejected);
        Assert.Contains((4, "vitalStatus"), rejected);
        Assert.Contains((5, "cancerType"), rejected);
        Assert.Contains((5, "icd10"), rejected);
        Assert.Contains((6, "pseudonym"), rejected);
        Assert.Contains((7, ""), rejected);
        Assert.Contains(summary.Problems, p => p.Line == 6 && p.Reason.Contains("line 2", StringComparison.Ordinal));
        Assert.Contains(summary.Problems, p => p.Line == 4 && p.Reason.Contains("'T9'", StringComparison.Ordinal));

        // A rejected record leaves nothing behind, not even part of itself.
        Assert.Null(await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000002/1"));
        Assert.Null((await _scenario.NodeAsync("Patient", "SYN-CLI-000002"))!["vitalStatus"]);
        Assert.Null(await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000003/1"));
        Assert.NotNull(await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000001/1"));
    }

    [Fact]
    public async Task Import_ContradictingVitalStatus_RejectsTheLaterRecord_SoReimportWithAnyBatchChangesNothing()
    {
        var file = $"""
            {Header}
            SYN-CLI-000001,1,breast,C50.9,,,,,,,,,,,,,,,alive
            SYN-CLI-000001,2,breast,C50.2,,,,,,,,,,,,,,,deceased
            SYN-CLI-000001,3,breast,C50.1,,,,,,,,,,,,,,,Alive
            """;

        var first = await ImportAsync(file, batch: 1);
        var again = await ImportAsync(file, batch: 2);

        Assert.Equal((2, 1), (first.Applied, first.Rejected));
        Assert.Contains(first.Problems, p => p is { Line: 3, Column: "vitalStatus", Severity: ProblemSeverity.Rejected } && p.Reason.Contains("line 2", StringComparison.Ordinal));
        Assert.Equal("alive", (await _scenario.NodeAsync("Patient", "SYN-CLI-000001"))!["vitalStatus"]);
        Assert.Equal((0L, 0L, first.Sequence), (again.NodesChanged, again.EdgesChanged, again.Sequence));
    }

    [Fact]
    public async Task Import_UnknownButWellFormedCodes_AppliesWithWarnings()
    {
        var summary = await ImportAsync($"""
            {Header}
            SYN-CLI-000001,1,,C50.4,8522/3,,,,,,,,,,,,,,
            SYN-CLI-000002,1,,D48.9,,,,,,,,,,,,,,,
            """);

        Assert.Equal((2, 0), (summary.Applied, summary.Rejected));
        Assert.Contains(summary.Problems, p => p is { Line: 2, Column: "icd10", Severity: ProblemSeverity.Warning } && p.Reason.Contains("category C50", StringComparison.Ordinal));
        Assert.Contains(summary.Problems, p => p is { Line: 2, Column: "icdO3Morphology", Severity: ProblemSeverity.Warning });
        Assert.Contains(summary.Problems, p => p is { Line: 3, Column: "icd10", Severity: ProblemSeverity.Warning });
        Assert.Contains(summary.Problems, p => p is { Line: 3, Column: "cancerType", Severity: ProblemSeverity.Warning });
        Assert.Equal(["ICD10:C50"], await _scenario.TargetsAsync("CODED_AS", "Diagnosis", "SYN-CLI-000001/1"));
        Assert.Empty(await _scenario.TargetsAsync("CODED_AS", "Diagnosis", "SYN-CLI-000002/1"));
        Assert.Equal("D48.9", (await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000002/1"))!["icd10"]);
    }

    [Fact]
    public async Task Import_CorrectedFile_ReplacesTypeAndCodeLinks()
    {
        await ImportAsync($"""
            {Header}
            SYN-CLI-000001,1,,C50.4,8500/3,,,,,,,,,,,,,,
            """);
        await ImportAsync($"""
            {Header}
            SYN-CLI-000001,1,,C61,8140/3,,,,,,,,,,,,,,
            """);

        Assert.Equal(["prostate"], await _scenario.TargetsAsync("OF_TYPE", "Diagnosis", "SYN-CLI-000001/1"));
        Assert.Equal(["ICD10:C61", "ICDO3:8140/3"], await _scenario.TargetsAsync("CODED_AS", "Diagnosis", "SYN-CLI-000001/1"));
    }

    [Fact]
    public async Task Import_JsonArray_GivesTheSameGraphAsCsv()
    {
        await ImportAsync($"""
            {Header}
            SYN-CLI-000001,1,breast,C50.4,8500/3,IIA,T2,N0,M0,G2,positive,positive,negative,,,22,57,2021,alive
            """);
        var csv = (await _scenario.ReadAllAsync()).Nodes.Select(n => n.Node).Where(n => n.Label is "Diagnosis" or "Patient").ToList();
        var sequence = await _scenario.Store.GetSequenceAsync(CancellationToken.None);

        var summary = await ImportAsync("""
            [
              { "pseudonym": "SYN-CLI-000001", "diagnosis": 1, "cancerType": "breast", "icd10": "C50.4", "icdO3Morphology": "8500/3",
                "stage": "IIA", "tnmT": "T2", "tnmN": "N0", "tnmM": "M0", "grade": "G2", "er": "positive", "pr": "positive",
                "her2": "negative", "psa": null, "ki67": 22, "ageAtDiagnosis": 57, "year": 2021, "vitalStatus": "alive" }
            ]
            """, RecordFormat.Json);

        Assert.Equal((1, 0L, 0L, sequence), (summary.Applied, summary.NodesChanged, summary.EdgesChanged, summary.Sequence));
        Assert.Equal(csv.Count, (await _scenario.ReadAllAsync()).Nodes.Count(n => n.Node.Label is "Diagnosis" or "Patient"));
    }

    [Fact]
    public async Task Import_JsonWithBadItems_ReportsTheirLines()
    {
        var summary = await ImportAsync("""
            [
              { "pseudonym": "SYN-CLI-000001", "stage": "IV" },
              42,
              { "pseudonym": "SYN-CLI-000002",
                "stage": "V" }
            ]
            """, RecordFormat.Json);

        Assert.Equal((1, 2), (summary.Applied, summary.Rejected));
        Assert.Contains(summary.Problems, p => p is { Line: 3, Column: "" });
        Assert.Contains(summary.Problems, p => p is { Line: 4, Column: "stage" });
    }

    [Theory]
    [InlineData("Smith^John 19580723")]
    [InlineData("MRN-0048213")]
    public async Task Import_WrongIdentifierInPseudonymColumn_RejectsWithLineAndColumnWithoutRepeatingIt(string identifier)
    {
        // Regression: "no patient 'Smith^John 19580723' in the catalogue" went to the rejects report and the mutation's problems,
        // so a hospital file keyed by MRN left every MRN in the data folder.
        var summary = await ImportAsync($"""
            pseudonym,diagnosis,stage
            SYN-CLI-000001,1,IIA
            {identifier},1,IIA
            """);

        Assert.Equal((1, 1), (summary.Applied, summary.Rejected));
        var problem = Assert.Single(summary.Problems, p => p.Severity == ProblemSeverity.Rejected);
        Assert.Equal((3, "pseudonym", ProblemSeverity.Rejected), (problem.Line, problem.Column, problem.Severity));
        Assert.Contains("is not a pseudonym of the catalogue", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(identifier, problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(identifier.Split(' ')[0], problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WholeNumbersWrittenAsFloats_AreAcceptedAsWholeNumbers()
    {
        // Regression: pandas writes an integer column that holds a NaN as floats, and 64.0, 2021.0 and 1e2 were "not a whole number".
        var csv = await ImportAsync("""
            pseudonym,diagnosis,gleasonScore,ageAtDiagnosis,year
            SYN-CLI-000001,1.0,7.0,64.0,2021.0
            SYN-CLI-000002,1,,64.5,2020
            """);
        var json = await ImportAsync("""
            [{ "pseudonym": "SYN-CLI-000003", "diagnosis": 1, "ageAtDiagnosis": 1e2, "year": 2021.0 }]
            """, RecordFormat.Json);

        Assert.Equal((1, 1), (csv.Applied, csv.Rejected));
        Assert.Contains(csv.Problems, p => p is { Line: 3, Column: "ageAtDiagnosis", Severity: ProblemSeverity.Rejected });
        var first = await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000001/1");
        Assert.Equal((7L, 64L, 2021L), ((long)first!["gleasonScore"]!, (long)first["ageAtDiagnosis"]!, (long)first["year"]!));
        Assert.Equal((1, 0), (json.Applied, json.Rejected));
        var third = await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000003/1");
        Assert.Equal((100L, 2021L), ((long)third!["ageAtDiagnosis"]!, (long)third["year"]!));
    }

    [Fact]
    public async Task Import_RowsOfOnlySeparators_AreSkippedNotRejected()
    {
        // Regression: ",,,," (Excel's formatted empty rows) was "pseudonym is missing" and made the exit code 1.
        var summary = await ImportAsync("pseudonym,cancerType,stage,er\r\nSYN-CLI-000001,breast,IIA,positive\r\n,,,\r\n\" \",,,\r\n,,\r\nSYN-CLI-000002,breast,IIB,\r\n");

        Assert.Equal((2, 2, 0, 3), (summary.Records, summary.Applied, summary.Rejected, summary.Skipped));
        Assert.Empty(summary.Problems);
    }
}
