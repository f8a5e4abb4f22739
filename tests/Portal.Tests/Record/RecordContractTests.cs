using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Record;

namespace Portal.Tests.Record;

/// <summary>The record's shared types: sections and slugs, ids, clinical times, the item's JSON and its revisions.</summary>
public class RecordContractTests
{
    [Theory]
    [InlineData("allergies", RecordSection.Allergies)]
    [InlineData("care-plans", RecordSection.CarePlans)]
    [InlineData("vitals", RecordSection.Vitals)]
    public void A_slug_names_its_section_and_back(string slug, RecordSection section)
    {
        Assert.True(RecordSections.TryParse(slug, out var parsed));
        Assert.Equal(section, parsed);
        Assert.Equal(slug, section.Slug());
    }

    [Theory]
    [InlineData("Allergies")]
    [InlineData("carePlans")]
    [InlineData("1")]
    [InlineData("")]
    public void Anything_else_names_no_section(string slug) => Assert.False(RecordSections.TryParse(slug, out _));

    [Fact]
    public void Ids_sort_newest_clinical_date_first_and_repeat_for_the_same_source()
    {
        var source = new SourceIdentifier("urn:oid:1.2.3", "A-1");
        var older = RecordItemIds.New(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), source);
        var newer = RecordItemIds.New(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), null);

        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.Equal(older, RecordItemIds.New(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), source));
        Assert.True(RecordItemIds.IsValid(older) && RecordItemIds.IsValid(newer));
        Assert.False(RecordItemIds.IsValid("../profile"));
    }

    [Theory]
    [InlineData("2015", "2015-01-01T00:00:00-06:00")]
    [InlineData("2015-06", "2015-06-01T00:00:00-05:00")]
    [InlineData("2015-06-02", "2015-06-02T00:00:00-05:00")]
    [InlineData("2015-06-02T10:30:00Z", "2015-06-02T10:30:00+00:00")]
    [InlineData("2015-06-02T10:30:00+02:00", "2015-06-02T10:30:00+02:00")]
    public void A_date_without_a_time_is_midnight_at_the_clinic(string text, string expected)
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ClinicalTimes.ToInstant(text, chicago));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2015-13-01")]
    [InlineData("2015-06-02 10:30")]
    public void Other_text_is_no_clinical_time(string text) => Assert.Null(ClinicalTimes.ToInstant(text, TimeZoneInfo.Utc));

    [Fact]
    public void An_item_survives_the_strict_json_it_is_stored_as()
    {
        var item = RecordItems.Item(RecordItems.Lisinopril(), source: new SourceIdentifier("urn:oid:1.2.3", "rx-9"))
            .Revise(RecordItems.Lisinopril(MedicationStatus.Stopped), null, false, null, RecordItems.At.AddDays(1), "dr", "Dr. Patel", "Stopped at a visit");

        var json = JsonSerializer.Serialize(item, PortalJson.Options);
        var back = PortalJson.Read<RecordItem>(json);

        Assert.True(back.Succeeded, back.Failure?.Errors?.First().Value[0]);
        Assert.Equal(json, JsonSerializer.Serialize(back.Value, PortalJson.Options));
        Assert.Contains("\"section\":\"medications\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rxNorm\":{", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_keeps_the_old_value_and_takes_the_contents_own_status()
    {
        var item = RecordItems.Item(RecordItems.Lisinopril());

        var stopped = item.Revise(RecordItems.Lisinopril(MedicationStatus.Stopped), null, false, null, RecordItems.At.AddDays(1), "dr", "Dr. Patel", "Stopped");

        Assert.Equal((2, RecordStatus.Inactive), (stopped.Version, stopped.Status));
        var earlier = Assert.Single(stopped.History);
        Assert.Equal((1, RecordStatus.Active, MedicationStatus.Active, "Stopped"), (earlier.Version, earlier.Status, earlier.Content.Medication!.Status, earlier.ChangeReason));
        Assert.Equal(item.ItemId, stopped.ItemId);
        Assert.False(stopped.SaysTheSameAs(item));
        Assert.True(item.SaysTheSameAs(item with { RecordedAt = RecordItems.At.AddDays(3) }));
        Assert.Throws<ArgumentException>(() => item.Revise(RecordItems.Penicillin(), null, false, null, RecordItems.At, "dr", null, null));
    }

    [Fact]
    public void Content_with_no_model_or_two_is_not_well_formed()
    {
        Assert.False(new RecordContent().IsWellFormed);
        Assert.False((RecordItems.Penicillin() with { Medication = RecordItems.Lisinopril().Medication }).IsWellFormed);
        Assert.True(RecordItems.Penicillin().IsWellFormed);
    }
}
