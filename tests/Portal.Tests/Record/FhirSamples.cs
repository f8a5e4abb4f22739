using System.Text.Json.Nodes;

namespace Portal.Tests.Record;

/// <summary>
/// Transaction Bundles built from the US Core example records in TestData/fhir-records (the files stay unchanged;
/// the Bundle carries them with the test's MRN). Compiled into the unit and the integration tests.
/// </summary>
internal static class FhirSamples
{
    /// <summary>Every sample the record accepts, Patient first.</summary>
    public static readonly string[] Accepted =
    [
        "patient-example.json", "allergyintolerance-example.json", "condition-duodenal-ulcer.json", "imm-1.json",
        "medicationrequest-coded-oral-axid.json", "medicationrequest-contained-oral-axid.json", "encounter-example-1.json",
        "documentreference-discharge-summary.json", "colonoscopy.json", "blood-pressure.json", "heart-rate.json", "weight.json", "bmi.json",
    ];

    /// <summary>One sample's resource.</summary>
    public static JsonObject Resource(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "fhir-records", file)))!.AsObject();

    /// <summary>A transaction Bundle of the files: the Patient's MRN set to <paramref name="mrn"/>, each entry a PUT by the resource's id.</summary>
    public static JsonObject Bundle(string mrn, params string[] files) => Bundle(mrn, files.Select(Resource).ToArray());

    /// <summary>A transaction Bundle of the resources (PUT {type}/{id}); a Patient's MR identifier is set to <paramref name="mrn"/>.</summary>
    public static JsonObject Bundle(string mrn, params JsonObject[] resources)
    {
        var entries = new JsonArray();
        foreach (var resource in resources)
        {
            var type = resource["resourceType"]!.GetValue<string>();
            var id = resource["id"]?.GetValue<string>();
            if (type == "Patient")
            {
                foreach (var identifier in resource["identifier"]!.AsArray())
                {
                    identifier!["value"] = mrn;
                }
            }

            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"https://ehr.example.org/fhir/{type}/{id}",
                ["resource"] = resource,
                ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = id is null ? type : $"{type}/{id}" },
            });
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
    }
}
