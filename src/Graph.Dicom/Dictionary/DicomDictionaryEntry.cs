namespace Graph.Dicom.Dictionary;

/// <summary>One attribute of the built-in dictionary.</summary>
/// <param name="Tag">The tag as a 32-bit number; repeating groups (60xx) are stored as their first group.</param>
/// <param name="VR">The VR used to decode the attribute in implicit VR files.</param>
/// <param name="Keyword">The DICOM keyword.</param>
/// <param name="BasicProfile">Whether PS3.15 Annex E (Basic Application Level Confidentiality Profile) lists the attribute.</param>
internal sealed record DicomDictionaryEntry(uint Tag, DicomVR VR, string Keyword, bool BasicProfile);
