using System.Text.Json.Nodes;

namespace Portal.InfraTests;

/// <summary>infra/main.bicep compiles with no errors and no warnings, with the security linter rules as errors.</summary>
public sealed class BicepBuildTests(BicepFixture bicep) : IClassFixture<BicepFixture>
{
    // Security-relevant linter rules that must fail the build, not just warn.
    public static TheoryData<string> SecurityRules =>
    [
        "adminusername-should-not-be-literal",
        "no-hardcoded-env-urls",
        "no-unused-params",
        "no-unused-vars",
        "outputs-should-not-contain-secrets",
        "protect-commandtoexecute-secrets",
        "secure-parameter-default",
        "secure-params-in-nested-deploy",
        "secure-secrets-in-params",
        "use-secure-value-for-secure-inputs",
        "use-stable-resource-identifiers",
    ];

    [Fact]
    public void Main_bicep_compiles_without_errors_or_warnings()
    {
        Assert.True(bicep.ExitCode == 0, $"bicep build exited {bicep.ExitCode}:\n{bicep.Diagnostics}");
        Assert.True(string.IsNullOrWhiteSpace(bicep.Diagnostics), $"bicep build printed diagnostics:\n{bicep.Diagnostics}");
        Assert.NotNull(JsonNode.Parse(bicep.Json)?["resources"]);
    }

    [Theory]
    [MemberData(nameof(SecurityRules))]
    public void Bicepconfig_raises_security_rule_to_error(string rule)
    {
        var config = JsonNode.Parse(File.ReadAllText(Repository.PathOf("infra", "bicepconfig.json")))!;
        Assert.True((bool?)config["analyzers"]?["core"]?["enabled"] ?? true, "the linter is disabled");
        Assert.Equal("error", (string?)config["analyzers"]?["core"]?["rules"]?[rule]?["level"]);
    }

    [Fact]
    public void Bicepconfig_makes_a_lint_violation_fail_the_build()
    {
        // The same bicepconfig.json next to a file with an unused parameter and a hard-coded
        // environment URL: the build must fail with both rules reported as errors.
        var dir = Directory.CreateTempSubdirectory("portal-bicep-lint-");
        try
        {
            File.Copy(Repository.PathOf("infra", "bicepconfig.json"), Path.Combine(dir.FullName, "bicepconfig.json"));
            var file = Path.Combine(dir.FullName, "bad.bicep");
            File.WriteAllText(file, """
                param unused string
                output authority string = 'https://login.microsoftonline.com/'
                """);

            var result = BicepCli.Build(file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error no-unused-params", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("Error no-hardcoded-env-urls", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Bicep_cli_runs()
    {
        var result = BicepCli.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Bicep CLI version", result.StandardOutput, StringComparison.Ordinal);
    }
}
