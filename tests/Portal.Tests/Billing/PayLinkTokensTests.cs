using Microsoft.Extensions.Options;
using Portal.Core.Billing;

namespace Portal.Tests.Billing;

public class PayLinkTokensTests
{
    private static PayLinkTokens Tokens(string key = "a2V5LWZvci10ZXN0cy1vbmx5LTMyLWJ5dGVzLWxvbmc=") => new(Options.Create(new BillingOptions { PayLinkKey = key }));

    private static readonly PayLink Link = new(PayLinkTokens.NewLinkId(), "patient-1", "2027-01", new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_token_reads_back_its_link_and_expiry_and_carries_neither_patient_nor_statement()
    {
        var token = Tokens().TokenOf(Link);

        Assert.Equal((Link.LinkId, Link.ExpiresAt), Tokens().Read(token));
        Assert.Matches("^[A-Za-z0-9_-]{54}$", token);
        Assert.DoesNotContain("patient", token, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_token_changed_anywhere_or_made_with_another_key_is_refused()
    {
        var token = Tokens().TokenOf(Link);

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Null(Tokens().Read(changed));
        }

        Assert.Null(Tokens("b3RoZXIta2V5LWZvci10ZXN0cy1vbmx5LTMyLWJ5dGVz").Read(token));
        Assert.Null(Tokens().Read(token + "A"));
        Assert.Null(Tokens().Read("not a token at all, though long enough to be read!!"));
        Assert.Null(Tokens().Read(null));
    }
}
