namespace Graph.Ingest.Demo;

/// <summary>Overall stage groups from TNM categories, simplified from the AJCC 8th edition tables.</summary>
internal static class TnmStaging
{
    public static string Breast(string t, string n, string m)
    {
        if (m != "M0")
            return "IV";
        if (t == "Tis")
            return "0";
        if (n == "N3")
            return "IIIC";
        if (t.StartsWith("T4", StringComparison.Ordinal))
            return "IIIB";
        if (n == "N2" || (t == "T3" && n == "N1"))
            return "IIIA";
        if (t == "T3" || (t == "T2" && n == "N1"))
            return "IIB";
        if (t == "T2" || n == "N1")
            return "IIA";
        return "IA";
    }

    public static string Lung(string t, string n, string m)
    {
        switch (m)
        {
            case "M1c": return "IVB";
            case not "M0": return "IVA";
        }

        var advanced = t is "T3" or "T4";
        return n switch
        {
            "N3" => advanced ? "IIIC" : "IIIB",
            "N2" => advanced ? "IIIB" : "IIIA",
            "N1" => advanced ? "IIIA" : "IIB",
            _ => t switch
            {
                "T1a" => "IA1",
                "T1b" => "IA2",
                "T1c" => "IA3",
                "T2a" => "IB",
                "T2b" => "IIA",
                "T3" => "IIB",
                _ => "IIIA",
            },
        };
    }

    public static string Colorectal(string t, string n, string m)
    {
        switch (m)
        {
            case "M1a": return "IVA";
            case "M1b": return "IVB";
            case "M1c": return "IVC";
        }

        if (t == "Tis")
            return "0";
        var early = t is "T1" or "T2";
        return n switch
        {
            "N0" => early ? "I" : t switch { "T3" => "IIA", "T4a" => "IIB", _ => "IIC" },
            "N2b" => early ? "IIIB" : "IIIC",
            "N2a" => t is "T4a" or "T4b" ? "IIIC" : t == "T1" ? "IIIA" : "IIIB",
            _ => early ? "IIIA" : t == "T4b" ? "IIIC" : "IIIB",
        };
    }

    public static string Liver(string t, string n, string m)
    {
        if (m != "M0")
            return "IVB";
        if (n != "N0")
            return "IVA";
        return t switch
        {
            "T1a" => "IA",
            "T1b" => "IB",
            "T2" => "II",
            "T3" => "IIIA",
            _ => "IIIB",
        };
    }

    public static string Prostate(string t, string n, string m, double psa, int gradeGroup)
    {
        if (m != "M0")
            return "IVB";
        if (n != "N0")
            return "IVA";
        if (gradeGroup == 5)
            return "IIIC";
        if (t is "T3a" or "T3b" or "T4")
            return "IIIB";
        if (psa >= 20)
            return "IIIA";
        if (gradeGroup >= 3)
            return "IIC";
        if (gradeGroup == 2)
            return "IIB";
        return t is "T2b" or "T2c" || psa >= 10 ? "IIA" : "I";
    }
}
