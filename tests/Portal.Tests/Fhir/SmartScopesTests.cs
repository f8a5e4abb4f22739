using Portal.Core.Record.Fhir;

namespace Portal.Tests.Fhir;

public class SmartScopesTests
{
    private const string Vitals = "http://terminology.hl7.org/CodeSystem/observation-category|vital-signs";
    private const string Labs = "http://terminology.hl7.org/CodeSystem/observation-category|laboratory";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Portal.Access")]
    [InlineData("openid profile offline_access")]
    public void A_token_without_SMART_scopes_is_left_to_the_policy(string? scopes) =>
        Assert.Null(SmartScopes.From(scopes?.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData("launch/patient")]
    [InlineData("fhirUser")]
    [InlineData("system/Observation.rs")]
    [InlineData("patient/Observation.cud")]
    [InlineData("patient/Observation.write")]
    [InlineData("patient/Observation.sr")]
    [InlineData("patient/observation.rs")]
    [InlineData("patient/Observation.rs?code=8867-4")]
    public void A_SMART_token_whose_scopes_grant_no_reading_may_read_nothing(string scope)
    {
        var smart = SmartScopes.From([scope, "openid"]);

        Assert.NotNull(smart);
        Assert.False(smart.Covers("Observation", SmartInteraction.Read));
        Assert.False(smart.Covers("Observation", SmartInteraction.Search));
    }

    [Theory]
    [InlineData("patient/Observation.rs", true, true)]
    [InlineData("patient/Observation.r", true, false)]
    [InlineData("patient/Observation.s", false, true)]
    [InlineData("patient/Observation.cruds", true, true)]
    [InlineData("patient/Observation.read", true, true)]
    [InlineData("patient/Observation.*", true, true)]
    [InlineData("patient.Observation.rs", true, true)]
    [InlineData("user/Observation.rs", true, true)]
    [InlineData("patient/*.rs", true, true)]
    [InlineData("patient/*.read", true, true)]
    [InlineData("patient/Condition.rs", false, false)]
    public void Clinical_scopes_open_reading_and_searching_per_type(string scope, bool read, bool search)
    {
        var smart = SmartScopes.From([scope])!;

        Assert.Equal((read, search), (smart.Covers("Observation", SmartInteraction.Read), smart.Covers("Observation", SmartInteraction.Search)));
    }

    [Theory]
    [InlineData("patient/Observation.rs?category=" + Labs)]
    [InlineData("patient/Observation.rs?category=laboratory")]
    [InlineData("patient/Observation.rs?category=http%3A%2F%2Fterminology.hl7.org%2FCodeSystem%2Fobservation-category%7Claboratory")]
    public void A_category_constraint_limits_the_type_to_resources_of_that_category(string scope)
    {
        var smart = SmartScopes.From([scope])!;

        Assert.True(smart.Covers("Observation", SmartInteraction.Search));
        Assert.True(smart.LimitsByCategory("Observation", SmartInteraction.Search));
        Assert.True(smart.Covers("Observation", SmartInteraction.Search, [Labs]));
        Assert.False(smart.Covers("Observation", SmartInteraction.Search, [Vitals]));
        Assert.False(smart.Covers("Observation", SmartInteraction.Search, []));
    }

    [Fact]
    public void An_unconstrained_scope_beside_a_constrained_one_lifts_the_limit()
    {
        var smart = SmartScopes.From(["patient/Observation.rs?category=" + Labs, "patient/*.rs"])!;

        Assert.False(smart.LimitsByCategory("Observation", SmartInteraction.Search));
        Assert.True(smart.Covers("Observation", SmartInteraction.Search, [Vitals]));
    }
}
