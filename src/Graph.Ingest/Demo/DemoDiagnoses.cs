using static Graph.Ingest.Demo.DemoCancerTypes;

namespace Graph.Ingest.Demo;

/// <summary>Draws the codes, stage, grade and markers of a diagnosis with the frequencies each cancer type has.</summary>
internal static class DemoDiagnoses
{
    private static readonly Choice<string> BreastSite = new(("C50.4", 40), ("C50.2", 12), ("C50.5", 8), ("C50.3", 6), ("C50.1", 5), ("C50.8", 15), ("C50.9", 14));
    private static readonly Choice<string> BreastMorphology = new(("8500/3", 78), ("8520/3", 12), ("8522/3", 5), ("8480/3", 3), ("8211/3", 2));
    private static readonly Choice<string> BreastT = new(("Tis", 8), ("T1a", 5), ("T1b", 10), ("T1c", 30), ("T2", 33), ("T3", 8), ("T4b", 4), ("T4d", 2));
    private static readonly Choice<string> BreastN = new(("N0", 60), ("N1", 25), ("N2", 9), ("N3", 6));
    private static readonly Choice<string> Her2 = new(("negative", 78), ("positive", 15), ("equivocal", 4), ("unknown", 3));

    private static readonly Choice<string> LungSite = new(("C34.1", 50), ("C34.3", 30), ("C34.2", 5), ("C34.0", 5), ("C34.8", 3), ("C34.9", 7));
    private static readonly Choice<string> LungMorphology = new(("8140/3", 50), ("8070/3", 25), ("8041/3", 13), ("8046/3", 8), ("8012/3", 2), ("8240/3", 2));
    private static readonly Choice<string> LungT = new(("T1a", 5), ("T1b", 12), ("T1c", 10), ("T2a", 18), ("T2b", 8), ("T3", 22), ("T4", 25));
    private static readonly Choice<string> LungN = new(("N0", 40), ("N1", 12), ("N2", 30), ("N3", 18));
    private static readonly Choice<string> LungM = new(("M0", 55), ("M1a", 12), ("M1b", 13), ("M1c", 20));

    private static readonly Choice<string> ColonSite = new(("C18.0", 15), ("C18.2", 15), ("C18.3", 4), ("C18.4", 10), ("C18.5", 3), ("C18.6", 6), ("C18.7", 40), ("C18.9", 7));
    private static readonly Choice<string> ColorectalMorphology = new(("8140/3", 85), ("8480/3", 10), ("8210/3", 3.5), ("8490/3", 1.5));
    private static readonly Choice<string> ColorectalT = new(("Tis", 2), ("T1", 8), ("T2", 15), ("T3", 50), ("T4a", 17), ("T4b", 8));
    private static readonly Choice<string> ColorectalN = new(("N0", 50), ("N1a", 10), ("N1b", 12), ("N1c", 3), ("N2a", 12), ("N2b", 13));
    private static readonly Choice<string> ColorectalM = new(("M0", 78), ("M1a", 14), ("M1b", 6), ("M1c", 2));

    private static readonly Choice<string> LiverT = new(("T1a", 15), ("T1b", 25), ("T2", 30), ("T3", 15), ("T4", 15));
    private static readonly Choice<string> ProstateT = new(("T1c", 45), ("T2a", 10), ("T2b", 5), ("T2c", 15), ("T3a", 15), ("T3b", 8), ("T4", 2));
    private static readonly Choice<int> Gleason = new((6, 30), (7, 45), (8, 12), (9, 11), (10, 2));
    private static readonly Choice<(double Min, double Max)> PsaBand = new(((1.0, 4.0), 10), ((4.0, 10.0), 50), ((10.0, 20.0), 22), ((20.0, 100.0), 14), ((100.0, 1000.0), 4));

    private static readonly Choice<string> BrainSite = new(("C71.1", 38), ("C71.2", 27), ("C71.3", 17), ("C71.0", 8), ("C71.4", 3), ("C71.8", 7));
    private static readonly Choice<string> GliomaMorphology = new(("9400/3", 35), ("9450/3", 25), ("9401/3", 20), ("9451/3", 10), ("9380/3", 10));
    private static readonly Choice<string> NeuroblastomaSite = new(("C74.9", 50), ("C48.0", 25), ("C38.3", 15), ("C76.3", 5), ("C76.0", 5));
    private static readonly Choice<string> InrgStage = new(("L1", 25), ("L2", 35), ("M", 35), ("MS", 5));
    private static readonly Choice<string> Grade = new(("G1", 15), ("G2", 55), ("G3", 27), ("G4", 3));

    /// <summary>Creates the properties of a diagnosis.</summary>
    public static PropertyBag<DiagnosisField> Create(int type, bool paediatric, int age, int year, Random random)
    {
        var p = new PropertyBag<DiagnosisField>();
        switch (type)
        {
            case Breast: AddBreast(p, random); break;
            case Lung: AddLung(p, random); break;
            case Prostate: AddProstate(p, random); break;
            case Colon or Rectum: AddColorectal(p, type, random); break;
            case Liver: AddLiver(p, random); break;
            case Glioma: AddGlioma(p, paediatric, random); break;
            case Glioblastoma: AddGlioblastoma(p, random); break;
            default: AddNeuroblastoma(p, age, random); break;
        }

        p[DiagnosisField.AgeAtDiagnosis] = Boxes.Long(age);
        p[DiagnosisField.Year] = Boxes.Long(year);
        return p;
    }

    private static void AddBreast(PropertyBag<DiagnosisField> p, Random random)
    {
        var t = BreastT.Draw(random);
        var inSitu = t == "Tis";
        var n = inSitu ? "N0" : BreastN.Draw(random);
        var m = !inSitu && random.Chance(0.06) ? "M1" : "M0";
        p[DiagnosisField.Icd10] = inSitu ? "D05.1" : BreastSite.Draw(random);
        p[DiagnosisField.IcdO3Morphology] = inSitu ? "8500/2" : BreastMorphology.Draw(random);
        AddTnm(p, random, t, n, m, TnmStaging.Breast(t, n, m));
        var grade = Grade.Draw(random) switch { "G4" => "G3", var g => g };
        AddGrade(p, random, grade);
        var er = random.Chance(0.75);
        p[DiagnosisField.Er] = random.Chance(0.02) ? "unknown" : er ? "positive" : "negative";
        p[DiagnosisField.Pr] = random.Chance(0.03) ? "unknown" : random.Chance(er ? 0.8 : 0.05) ? "positive" : "negative";
        p[DiagnosisField.Her2] = Her2.Draw(random);
        if (random.Chance(0.85))
            p[DiagnosisField.Ki67] = grade switch { "G1" => random.Between(3.0, 15, 0), "G2" => random.Between(10.0, 30, 0), _ => random.Between(25.0, 80, 0) };
    }

    private static void AddLung(PropertyBag<DiagnosisField> p, Random random)
    {
        var morphology = LungMorphology.Draw(random);
        var (t, n, m) = (LungT.Draw(random), LungN.Draw(random), LungM.Draw(random));
        p[DiagnosisField.Icd10] = LungSite.Draw(random);
        p[DiagnosisField.IcdO3Morphology] = morphology;
        AddTnm(p, random, t, n, m, TnmStaging.Lung(t, n, m));
        if (morphology is "8140/3" or "8070/3")
            AddGrade(p, random, Grade.Draw(random) switch { "G4" => "G3", var g => g });
        if (morphology == "8041/3" && random.Chance(0.7))
            p[DiagnosisField.Ki67] = random.Between(50.0, 95, 0);
    }

    private static void AddProstate(PropertyBag<DiagnosisField> p, Random random)
    {
        var gleason = Gleason.Draw(random);
        var gradeGroup = gleason switch { 6 => 1, 7 => random.Chance(0.6) ? 2 : 3, 8 => 4, _ => 5 };
        var band = PsaBand.Draw(random);
        var psa = random.Between(band.Min, band.Max, 1);
        var t = ProstateT.Draw(random);
        var n = random.Chance(gradeGroup >= 4 ? 0.2 : 0.05) ? "N1" : "N0";
        var m = random.Chance(gradeGroup >= 4 ? 0.15 : 0.03) ? "M1b" : "M0";
        p[DiagnosisField.Icd10] = "C61";
        p[DiagnosisField.IcdO3Morphology] = random.Chance(0.98) ? "8140/3" : "8500/3";
        AddTnm(p, random, t, n, m, TnmStaging.Prostate(t, n, m, psa, gradeGroup));
        AddGrade(p, random, "GG" + (char)('0' + gradeGroup));
        p[DiagnosisField.GleasonScore] = Boxes.Long(gleason);
        if (random.Chance(0.93))
            p[DiagnosisField.Psa] = psa;
    }

    private static void AddColorectal(PropertyBag<DiagnosisField> p, int type, Random random)
    {
        var t = ColorectalT.Draw(random);
        var inSitu = t == "Tis";
        var (n, m) = inSitu ? ("N0", "M0") : (ColorectalN.Draw(random), ColorectalM.Draw(random));
        p[DiagnosisField.Icd10] = inSitu ? (type == Colon ? "D01.0" : "D01.2") : type == Colon ? ColonSite.Draw(random) : "C20";
        p[DiagnosisField.IcdO3Morphology] = inSitu ? "8140/2" : ColorectalMorphology.Draw(random);
        AddTnm(p, random, t, n, m, TnmStaging.Colorectal(t, n, m));
        AddGrade(p, random, Grade.Draw(random));
    }

    private static void AddLiver(PropertyBag<DiagnosisField> p, Random random)
    {
        var cholangio = random.Chance(0.1);
        var (t, n, m) = (LiverT.Draw(random), random.Chance(0.08) ? "N1" : "N0", random.Chance(0.12) ? "M1" : "M0");
        p[DiagnosisField.Icd10] = cholangio ? "C22.1" : "C22.0";
        p[DiagnosisField.IcdO3Morphology] = cholangio ? "8160/3" : random.Chance(0.98) ? "8170/3" : "8180/3";
        AddTnm(p, random, t, n, m, TnmStaging.Liver(t, n, m));
        AddGrade(p, random, Grade.Draw(random));
    }

    private static void AddGlioma(PropertyBag<DiagnosisField> p, bool paediatric, Random random)
    {
        if (paediatric && random.Chance(0.3))
        {
            // Diffuse midline glioma, H3 K27-altered: a grade 4 glioma of children, mostly in the brainstem.
            p[DiagnosisField.Icd10] = "C71.7";
            p[DiagnosisField.IcdO3Morphology] = "9385/3";
            AddBrainGrade(p, random, 4);
            return;
        }

        var morphology = GliomaMorphology.Draw(random);
        p[DiagnosisField.Icd10] = BrainSite.Draw(random);
        p[DiagnosisField.IcdO3Morphology] = morphology;
        AddBrainGrade(p, random, morphology switch { "9401/3" or "9451/3" => 3, "9380/3" => random.Chance(0.5) ? 2 : 3, _ => 2 });
    }

    private static void AddGlioblastoma(PropertyBag<DiagnosisField> p, Random random)
    {
        p[DiagnosisField.Icd10] = BrainSite.Draw(random);
        p[DiagnosisField.IcdO3Morphology] = "9440/3";
        AddBrainGrade(p, random, 4);
    }

    private static void AddNeuroblastoma(PropertyBag<DiagnosisField> p, int age, Random random)
    {
        p[DiagnosisField.Icd10] = NeuroblastomaSite.Draw(random);
        p[DiagnosisField.IcdO3Morphology] = random.Chance(0.9) ? "9500/3" : "9490/3";
        var stage = InrgStage.Draw(random);
        if (random.Chance(0.95))
            p[DiagnosisField.Stage] = stage == "MS" && age >= 2 ? "M" : stage;
    }

    private static void AddTnm(PropertyBag<DiagnosisField> p, Random random, string t, string n, string m, string stage)
    {
        if (random.Chance(0.92))
        {
            p[DiagnosisField.TnmT] = t;
            p[DiagnosisField.TnmN] = n;
            p[DiagnosisField.TnmM] = m;
        }

        if (random.Chance(0.94))
            p[DiagnosisField.Stage] = stage;
    }

    private static void AddGrade(PropertyBag<DiagnosisField> p, Random random, string grade)
    {
        if (random.Chance(0.88))
            p[DiagnosisField.Grade] = grade;
    }

    private static void AddBrainGrade(PropertyBag<DiagnosisField> p, Random random, int whoGrade)
    {
        AddGrade(p, random, "WHO " + (char)('0' + whoGrade));
        if (random.Chance(0.7))
        {
            p[DiagnosisField.Ki67] = whoGrade switch
            {
                2 => random.Between(1.0, 8, 0),
                3 => random.Between(5.0, 20, 0),
                _ => random.Between(15.0, 60, 0),
            };
        }
    }
}
