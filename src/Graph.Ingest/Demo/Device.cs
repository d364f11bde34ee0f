namespace Graph.Ingest.Demo;

/// <summary>The kind of equipment that acquires a series; a site's fleet holds a few of each.</summary>
internal enum Device
{
    /// <summary>A CT scanner.</summary>
    Ct,

    /// <summary>An MR scanner.</summary>
    Mr,

    /// <summary>A PET/CT scanner: PT series and their attenuation-correction CT.</summary>
    PetCt,

    /// <summary>A mammography unit.</summary>
    Mammography,

    /// <summary>An ultrasound system.</summary>
    Ultrasound,

    /// <summary>A gamma camera or SPECT/CT for scintigraphy.</summary>
    Gamma,
}
