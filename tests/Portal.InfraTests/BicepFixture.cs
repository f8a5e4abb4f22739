namespace Portal.InfraTests;

/// <summary>Compiles infra/main.bicep once for a test class.</summary>
public sealed class BicepFixture
{
    public BicepFixture()
    {
        MainBicep = Repository.PathOf("infra", "main.bicep");
        var result = BicepCli.Build(MainBicep);
        ExitCode = result.ExitCode;
        Diagnostics = result.StandardError;
        Json = result.StandardOutput;
    }

    public string MainBicep { get; }

    public int ExitCode { get; }

    /// <summary>What the compiler and linter printed (errors and warnings go to stderr).</summary>
    public string Diagnostics { get; }

    public string Json { get; }

    internal ArmTemplate Template => template ??= ArmTemplate.Parse(
        ExitCode == 0 ? Json : throw new InvalidOperationException($"bicep build failed ({ExitCode}):\n{Diagnostics}"));

    private ArmTemplate? template;
}
