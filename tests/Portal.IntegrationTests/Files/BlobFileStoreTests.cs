using System.Net;
using Azure.Storage.Blobs;
using Portal.Azure.Files;
using Portal.Core.Files;

namespace Portal.IntegrationTests.Files;

/// <summary>Stored files on Azurite: the bytes go in, and a short-lived link gives them back to a browser, and nothing else.</summary>
public class BlobFileStoreTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF"u8];

    [Fact]
    public async Task A_download_link_serves_the_file_under_its_name_for_five_minutes_only()
    {
        var (store, location, clock) = await StoreWithFileAsync();

        var link = await store.LinkAsync(location, "Discharge letter — März.pdf", FileFormat.Pdf.ContentType, default);

        Assert.InRange(link.ExpiresAt - clock.GetUtcNow(), TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        using var http = new HttpClient();
        using var response = await http.GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Discharge letter — März.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var query = System.Web.HttpUtility.ParseQueryString(link.Url.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal(link.ExpiresAt, DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_link_reads_nothing_but_its_own_file()
    {
        var (store, location, _) = await StoreWithFileAsync();
        var other = location with { Name = location.Name.Split('/')[0] + "/other" };
        await store.SaveAsync(other, Pdf, FileFormat.Pdf, default);
        var link = await store.LinkAsync(location, "a.pdf", FileFormat.Pdf.ContentType, default);

        using var http = new HttpClient();
        var otherFile = new UriBuilder(link.Url) { Path = link.Url.AbsolutePath.Replace(location.Name, other.Name) }.Uri;
        using var refused = await http.GetAsync(otherFile);
        using var write = new HttpRequestMessage(HttpMethod.Put, link.Url) { Content = new ByteArrayContent([1, 2, 3]) };
        write.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var writeRefused = await http.SendAsync(write);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeRefused.StatusCode);
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var (store, location, clock) = await StoreWithFileAsync();
        clock.Now = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(20);

        var link = await store.LinkAsync(location, "a.pdf", FileFormat.Pdf.ContentType, default);

        using var http = new HttpClient();
        using var response = await http.GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Files_are_read_back_rewritten_on_retry_and_deleted()
    {
        var (store, location, _) = await StoreWithFileAsync();

        await store.SaveAsync(location, Pdf, FileFormat.Pdf, default);
        Assert.Equal(Pdf, await store.ReadAsync(location, default));
        await store.DeleteAsync(location, default);
        await store.DeleteAsync(location, default);

        Assert.Null(await store.ReadAsync(location, default));
    }

    private static async Task<(BlobFileStore Store, FileLocation Location, TestClock Clock)> StoreWithFileAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await blobs.GetBlobContainerClient("documents").CreateIfNotExistsAsync();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var store = new BlobFileStore(blobs, clock);
        var location = new FileLocation("documents", $"{Guid.NewGuid():N}/{Guid.NewGuid():N}");
        await store.SaveAsync(location, Pdf, FileFormat.Pdf, default);
        return (store, location, clock);
    }
}
