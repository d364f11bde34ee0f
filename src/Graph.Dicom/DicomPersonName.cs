namespace Graph.Dicom;

/// <summary>A Person Name (PN) value split into its alphabetic, ideographic and phonetic component groups.</summary>
/// <param name="Alphabetic">The alphabetic group, e.g. "Yamada^Tarou".</param>
/// <param name="Ideographic">The ideographic group, e.g. "山田^太郎", or empty.</param>
/// <param name="Phonetic">The phonetic group, e.g. "やまだ^たろう", or empty.</param>
public sealed record DicomPersonName(string Alphabetic, string Ideographic, string Phonetic)
{
    /// <summary>The family name: the first component of the alphabetic group (or of the first non-empty group).</summary>
    public string FamilyName => Component(0);

    /// <summary>The given name: the second component.</summary>
    public string GivenName => Component(1);

    /// <summary>The middle name: the third component.</summary>
    public string MiddleName => Component(2);

    /// <summary>The name prefix: the fourth component.</summary>
    public string NamePrefix => Component(3);

    /// <summary>The name suffix: the fifth component.</summary>
    public string NameSuffix => Component(4);

    /// <summary>Splits one PN value ("Alphabetic=Ideographic=Phonetic") into its component groups.</summary>
    public static DicomPersonName Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var groups = value.Split('=', 4);
        return new DicomPersonName(
            groups[0].Trim(),
            groups.Length > 1 ? groups[1].Trim() : string.Empty,
            groups.Length > 2 ? groups[2].Trim() : string.Empty);
    }

    /// <summary>Formats the name as DICOM writes it, leaving out trailing empty groups.</summary>
    public override string ToString()
    {
        if (Phonetic.Length > 0)
        {
            return $"{Alphabetic}={Ideographic}={Phonetic}";
        }

        return Ideographic.Length > 0 ? $"{Alphabetic}={Ideographic}" : Alphabetic;
    }

    private string Component(int index)
    {
        var group = Alphabetic.Length > 0 ? Alphabetic : Ideographic.Length > 0 ? Ideographic : Phonetic;
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            var caret = group.IndexOf('^', start);
            if (caret < 0)
            {
                return string.Empty;
            }

            start = caret + 1;
        }

        var end = group.IndexOf('^', start);
        return (end < 0 ? group[start..] : group[start..end]).Trim();
    }
}
