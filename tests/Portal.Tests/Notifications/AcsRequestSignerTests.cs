using System.Text;
using Portal.Azure.Notifications;

namespace Portal.Tests.Notifications;

public sealed class AcsRequestSignerTests
{
    // Expected values computed outside .NET: openssl dgst -sha256 (-mac HMAC) over the same bytes.
    private const string AccessKey = "cG9ydGFsLXRlc3QtYWNjZXNzLWtleS0wMTIzNDU2Nzg5";
    private const string Body = """{"from":"+18005550100","message":"You have a new message in your portal."}""";

    [Fact]
    public void Signs_method_path_date_host_and_body_hash_with_the_decoded_key()
    {
        var signature = AcsRequestSigner.Sign(
            "POST",
            new Uri("https://contoso.communication.azure.com/sms?api-version=2021-03-07"),
            Encoding.UTF8.GetBytes(Body),
            new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.FromHours(-6)),
            AccessKey);

        Assert.Equal("Tue, 01 Dec 2026 21:30:00 GMT", signature.Date);
        Assert.Equal("VckwbX+6Avn4qsArYgy3glaQvxAhw8gI5TYO/p7aEWA=", signature.ContentHash);
        Assert.Equal("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=K2IpbqcAItYu9wvZWh6sjEmoWxsyDbS9AcfOnLGqSXA=", signature.Authorization);
    }

    [Fact]
    public void An_empty_body_is_signed_with_the_hash_of_nothing()
    {
        var signature = AcsRequestSigner.Sign("GET", new Uri("https://contoso.communication.azure.com/emails/operations/1"), [], DateTimeOffset.UnixEpoch, AccessKey);

        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", signature.ContentHash);
    }

    [Theory]
    [InlineData("endpoint=https://x.communication.azure.com/;accesskey=abc=", "https://x.communication.azure.com/", "abc=")]
    [InlineData("AccessKey=k;Endpoint=https://y.communication.azure.com", "https://y.communication.azure.com/", "k")]
    public void Reads_connection_strings_in_any_order_and_case(string connectionString, string endpoint, string key)
    {
        var (parsedEndpoint, parsedKey) = AcsClient.ParseConnectionString(connectionString);

        Assert.Equal(new Uri(endpoint), parsedEndpoint);
        Assert.Equal(key, parsedKey);
    }

    [Fact]
    public void A_connection_string_without_a_key_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AcsClient.ParseConnectionString("endpoint=https://x.communication.azure.com/;secret=s3cr3t"));

        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Fact]
    public void Delivery_ids_are_stable_per_key_and_distinct_across_keys()
    {
        Assert.Equal(DeliveryIds.From("outbox|p1|n1"), DeliveryIds.From("outbox|p1|n1"));
        Assert.NotEqual(DeliveryIds.From("outbox|p1|n1"), DeliveryIds.From("outbox|p1|n2"));
        Assert.Equal(8, DeliveryIds.From("x").Version);
    }

    [Theory]
    [InlineData(400, "Invalid To phone number format +1 312 555 0101.", "HTTP 400: Invalid To phone number format ***.")]
    [InlineData(403, "Recipient ana@example.org blocked", "HTTP 403: Recipient *** blocked")]
    [InlineData(503, null, "HTTP 503")]
    public void Provider_reasons_carry_no_phone_number_or_address(int status, string? message, string expected) =>
        Assert.Equal(expected, ProviderReason.From(status, message));
}
