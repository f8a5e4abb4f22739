using Portal.Core.Common;
using Portal.Core.Profile;

namespace Portal.Tests.Profile;

public class ProfilePatchTests
{
    [Fact]
    public void Absent_fields_stay_and_given_fields_change()
    {
        var result = ProfilePatch.Apply(Profiles.Ana(), """{"preferredLanguage":"es-MX","address":{"line2":"Apt 4"}}""");

        Assert.True(result.Succeeded);
        Assert.Equal("es-MX", result.Value.PreferredLanguage);
        Assert.Equal("Apt 4", result.Value.Address!.Line2);
        Assert.Equal("12 Elm St", result.Value.Address.Line1);
        Assert.Equal("+15555550101", result.Value.Phone);
    }

    [Fact]
    public void Null_clears_an_optional_field_and_arrays_replace()
    {
        var result = ProfilePatch.Apply(Profiles.Ana(), """{"insurance":null,"emergencyContacts":[]}""");

        Assert.Null(result.Value!.Insurance);
        Assert.Empty(result.Value.EmergencyContacts);
    }

    [Theory]
    [InlineData("""{"phone":"555-0101"}""", "phone")]
    [InlineData("""{"timeZone":"Mars/Olympus"}""", "timeZone")]
    [InlineData("""{"timeZone":"Central Standard Time"}""", "timeZone")]
    [InlineData("""{"email":"not-an-email"}""", "email")]
    [InlineData("""{"preferredLanguage":"english please"}""", "preferredLanguage")]
    [InlineData("""{"address":{"country":"USA"}}""", "address.country")]
    [InlineData("""{"emergencyContacts":[{"name":"Bo","relationship":"spouse","phone":"123"}]}""", "emergencyContacts[0].phone")]
    [InlineData("""{"emergencyContacts":[{"name":"Bo","relationship":"cousin","phone":"+15555550100"}]}""", "emergencyContacts[0].relationship")]
    [InlineData("""{"emergencyContacts":[{"name":"Bo","relationship":1,"phone":"+15555550100"}]}""", "emergencyContacts[0].relationship")]
    [InlineData("""{"smsConsent":"yes"}""", "smsConsent")]
    [InlineData("""{"smsConsent":null}""", "smsConsent")]
    [InlineData("""{"favouriteColour":"blue"}""", "favouriteColour")]
    [InlineData("""{"mrn":"MRN-9999"}""", "mrn")]
    [InlineData("""{"birthDate":"1990-01-01"}""", "birthDate")]
    [InlineData("""{"phone":null}""", "smsConsent")]
    [InlineData("""{"insurance":{"memberId":" "}}""", "insurance.memberId")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"phone":""", "body")]
    public void Bad_changes_are_field_errors(string patch, string field)
    {
        var result = ProfilePatch.Apply(Profiles.Ana(), patch);

        Assert.Equal(FailureKind.Validation, result.Failure?.Kind);
        Assert.Contains(field, result.Failure!.Errors!.Keys);
    }

    [Fact]
    public void Clinic_owned_fields_may_be_sent_back_unchanged() =>
        Assert.True(ProfilePatch.Apply(Profiles.Ana(), """{"mrn":"MRN-1001","givenName":"Ana","birthDate":"1984-03-09"}""").Succeeded);

    [Fact]
    public void Errors_do_not_echo_the_input()
    {
        var result = ProfilePatch.Apply(Profiles.Ana(), """{"emergencyContacts":[{"name":"Bo","relationship":"SECRET-VALUE","phone":"+15555550100"}]}""");

        Assert.DoesNotContain("SECRET-VALUE", string.Join(" ", result.Failure!.Errors!.Values.SelectMany(v => v)) + result.Failure.Detail);
    }

    [Fact]
    public void At_most_five_emergency_contacts()
    {
        var six = string.Join(",", Enumerable.Range(0, 6).Select(i => $$"""{"name":"C{{i}}","relationship":"friend","phone":"+1555555010{{i}}"}"""));
        var result = ProfilePatch.Apply(Profiles.Ana(), $$"""{"emergencyContacts":[{{six}}]}""");

        Assert.Contains("emergencyContacts", result.Failure!.Errors!.Keys);
    }
}
