namespace Portal.InfraTests;

/// <summary>Compiles infra/main.bicep once per test run, shared by every test class that uses it.</summary>
public sealed class BicepFixture
{
    private static readonly Lazy<Compilation> Shared = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public string MainBicep => Shared.Value.MainBicep;

    public int ExitCode => Shared.Value.Result.ExitCode;

    /// <summary>What the compiler and linter printed (errors and warnings go to stderr).</summary>
    public string Diagnostics => Shared.Value.Result.StandardError;

    public string Json => Shared.Value.Result.StandardOutput;

    internal ArmTemplate Template => Shared.Value.Template.Value;

    private static Compilation Compile()
    {
        var mainBicep = Repository.PathOf("infra", "main.bicep");
        var result = BicepCli.Build(mainBicep);
        return new Compilation(mainBicep, result, new Lazy<ArmTemplate>(() => ArmTemplate.Parse(
            result.ExitCode == 0 ? result.StandardOutput : throw new InvalidOperationException($"bicep build failed ({result.ExitCode}):\n{result.StandardError}"))));
    }

    private sealed record Compilation(string MainBicep, BicepCli.Result Result, Lazy<ArmTemplate> Template);
}
