using YamlDotNet.RepresentationModel;

namespace Portal.InfraTests;

/// <summary>azure.yaml declares the one Functions service and the Bicep entry point.</summary>
public sealed class AzureYamlTests
{
    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Repository.PathOf("azure.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;

    [Fact]
    public void Declares_one_function_service_for_the_functions_project()
    {
        var services = (YamlMappingNode)Load()["services"];
        var (name, node) = Assert.Single(services.Children);
        var service = (YamlMappingNode)node;

        Assert.Equal("api", ((YamlScalarNode)name).Value);
        Assert.Equal("functions/Portal.Functions", Scalar(service, "project")?.TrimEnd('/'));
        Assert.Equal("dotnet", Scalar(service, "language"));
        Assert.Equal("function", Scalar(service, "host"));
        Assert.True(File.Exists(Repository.PathOf("functions", "Portal.Functions", "Portal.Functions.csproj")));
    }

    [Fact]
    public void Points_at_the_bicep_entry_point()
    {
        var root = Load();
        Assert.False(string.IsNullOrWhiteSpace(Scalar(root, "name")));
        var infra = (YamlMappingNode)root["infra"];
        Assert.Equal("bicep", Scalar(infra, "provider"));
        var path = Scalar(infra, "path") ?? "infra";
        var module = Scalar(infra, "module") ?? "main";
        Assert.True(File.Exists(Repository.PathOf(path, module + ".bicep")), $"{path}/{module}.bicep does not exist");
        Assert.True(File.Exists(Repository.PathOf(path, module + ".parameters.json")), $"{path}/{module}.parameters.json does not exist");
    }

    [Fact]
    public void Service_name_matches_the_azd_service_name_tag_in_bicep()
    {
        var serviceName = ((YamlScalarNode)((YamlMappingNode)Load()["services"]).Children.Single().Key).Value;
        var main = File.ReadAllText(Repository.PathOf("infra", "main.bicep"));
        Assert.Contains($"serviceName: '{serviceName}'", main, StringComparison.Ordinal);
    }
}
