namespace Portal.Tests.Labs;

/// <summary>Reads files copied from TestData/ next to the test assembly.</summary>
internal static class LabTestData
{
    public static string Hl7Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "hl7");

    public static byte[] Hl7Bytes(string name) => File.ReadAllBytes(Path.Combine(Hl7Directory, name));

    public static string Hl7Text(string name) => File.ReadAllText(Path.Combine(Hl7Directory, name));

    public static string Fhir(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "fhir", name));

    public static IEnumerable<string> Hl7Samples() =>
        Directory.EnumerateFiles(Hl7Directory, "*.hl7").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
