namespace Graph.Browser.Tests;

/// <summary>A fact that needs Chromium: skipped where it is not installed, except under CI, where it then fails.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when Chromium is missing outside CI.</summary>
    public ChromiumFactAttribute()
    {
        if (!ChromiumFixture.IsInstalled && !ChromiumFixture.IsCi)
            Skip = $"Chromium is not installed at {ChromiumFixture.ExecutablePath} (apt-get install -y chromium); under CI=true this fails instead.";
    }
}
