using Portal.Core.Patients;

namespace Portal.Tests.Patients;

public class ActivationCodeTests
{
    [Fact]
    public void Codes_are_grouped_and_normalize_back()
    {
        var code = ActivationCode.Generate();

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Equal(code.Replace("-", ""), ActivationCode.Normalize(code.ToLowerInvariant().Replace("-", " ")));
    }

    [Fact]
    public void Codes_do_not_repeat() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => ActivationCode.Generate()).Distinct().Count());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JK")]
    [InlineData("ABCD-EFGH-JKLMN")]
    [InlineData("ABCD-EFGH-JK0O")]
    [InlineData("ABCD-EFGH-JK1I")]
    public void Malformed_codes_are_refused(string? input) => Assert.Null(ActivationCode.Normalize(input));

    [Fact]
    public void The_stored_hash_is_not_the_code()
    {
        var hash = ActivationCode.Hash("ABCDEFGHJKLM");
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("ABCDEFGHJKLM", hash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(hash, ActivationCode.Hash("ABCDEFGHJKLM"));
    }
}
