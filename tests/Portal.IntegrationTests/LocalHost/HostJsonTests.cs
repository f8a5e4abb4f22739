using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Portal.LocalHost;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>Reads the repository's host.json, which the build copies next to the tests.</summary>
public sealed class HostJsonTests
{
    [Fact]
    public void Reads_the_repository_host_json()
    {
        var hostJson = HostJson.Load(AppContext.BaseDirectory, Settings());

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.Equal(new HostJson.QueueSettings(5, TimeSpan.FromSeconds(30), 16, TimeSpan.FromMinutes(1), QueueMessageEncoding.None), hostJson.Queues);
    }

    [Fact]
    public void Lets_AzureFunctionsJobHost_settings_override_it_as_in_Azure()
    {
        var hostJson = HostJson.Load(AppContext.BaseDirectory, Settings(
            ("AzureFunctionsJobHost:extensions:http:routePrefix", ""),
            ("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:00"),
            ("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", "2"),
            ("AzureFunctionsJobHost:extensions:queues:messageEncoding", "Base64")));

        Assert.Equal("", hostJson.RoutePrefix);
        Assert.Equal(QueueMessageEncoding.Base64, hostJson.Queues.MessageEncoding);
        Assert.Equal(TimeSpan.Zero, hostJson.Queues.VisibilityTimeout);
        Assert.Equal(2, hostJson.Queues.MaxDequeueCount);
    }

    [Fact]
    public void Refuses_a_message_encoding_the_Functions_host_does_not_know()
    {
        var settings = Settings(("AzureFunctionsJobHost:extensions:queues:messageEncoding", "utf8"));

        Assert.Contains("neither base64 nor none", Assert.Throws<InvalidOperationException>(() => HostJson.Load(AppContext.BaseDirectory, settings)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_the_Functions_defaults_without_a_host_json()
    {
        var empty = Directory.CreateTempSubdirectory();

        var hostJson = HostJson.Load(empty.FullName, Settings());
        empty.Delete();

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.Equal(new HostJson.QueueSettings(5, TimeSpan.Zero, 16, TimeSpan.FromMinutes(1), QueueMessageEncoding.Base64), hostJson.Queues);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
