using System.Net;
using System.Net.Sockets;
using Portal.LocalHost.Storage;

namespace Portal.IntegrationTests.LocalHost;

public sealed class AzuriteTests
{
    [Fact]
    public async Task Says_clearly_which_port_is_taken()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Azurite.StartAsync(new AzuriteOptions { QueuePort = port }));

        Assert.Contains($"Port {port} on 127.0.0.1 is already in use", error.Message);
        Assert.Contains("set PortalStorage", error.Message);
    }

    [Fact]
    public async Task Reports_the_ports_it_chose_in_the_connection_string()
    {
        var azurite = await TestAzurite.GetAsync();

        Assert.NotEqual(0, azurite.QueueEndpoint.Port);
        Assert.Contains($"QueueEndpoint={azurite.QueueEndpoint}", azurite.ConnectionString);
        Assert.Equal(3, new[] { azurite.BlobEndpoint.Port, azurite.QueueEndpoint.Port, azurite.TableEndpoint.Port }.Distinct().Count());
    }

    [Fact]
    public async Task A_start_that_takes_too_long_says_how_long_what_it_heard_and_which_node_and_npm()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Azurite.StartAsync(new AzuriteOptions { StartTimeout = TimeSpan.FromMilliseconds(1) }));

        Assert.Contains("did not report its three services listening within", error.Message);
        Assert.Matches(@"after \d+\.\d s", error.Message);
        Assert.Contains("ports asked: blob any free, queue any free, table any free", error.Message);
        Assert.Contains("services heard listening:", error.Message);
        Assert.Matches(@"node v\d+\.\d+", error.Message);
        Assert.Matches(@"npm \d+\.\d+", error.Message);
        Assert.Contains("cores, load", error.Message);
    }
}
