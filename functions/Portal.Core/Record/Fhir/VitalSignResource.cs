using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// A vital sign as a FHIR <c>Observation</c> in category <c>vital-signs</c>: one value, or systolic and diastolic
/// components for blood pressure. It claims the base R4 vital-signs profile of its kind and US Core's (status,
/// category, code, subject, effective time, a UCUM value) only when its unit is one those profiles allow; a
/// measurement in another unit is served without a claim rather than with a false one.
/// </summary>
public static class VitalSignResource
{
    /// <summary>FHIR's observation categories.</summary>
    public const string CategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>US Core Vital Signs.</summary>
    public const string UsCoreVitalSigns = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-vital-signs";

    private const string R4 = "http://hl7.org/fhir/StructureDefinition/";
    private const string UsCore = "http://hl7.org/fhir/us/core/StructureDefinition/";

    // Per kind: the base R4 profile, US Core's, and the UCUM units both allow.
    private static readonly IReadOnlyDictionary<VitalKind, (string R4, string UsCore, string[] Units)> Kinds = new Dictionary<VitalKind, (string, string, string[])>
    {
        [VitalKind.BloodPressure] = ("bp", "us-core-blood-pressure", ["mm[Hg]"]),
        [VitalKind.HeartRate] = ("heartrate", "us-core-heart-rate", ["/min"]),
        [VitalKind.RespiratoryRate] = ("resprate", "us-core-respiratory-rate", ["/min"]),
        [VitalKind.BodyTemperature] = ("bodytemp", "us-core-body-temperature", ["Cel", "[degF]"]),
        [VitalKind.BodyWeight] = ("bodyweight", "us-core-body-weight", ["kg", "g", "[lb_av]"]),
        [VitalKind.BodyHeight] = ("bodyheight", "us-core-body-height", ["cm", "[in_i]"]),
        [VitalKind.Bmi] = ("bmi", "us-core-bmi", ["kg/m2"]),
        [VitalKind.OxygenSaturation] = ("oxygensat", "us-core-pulse-oximetry", ["%"]),
        [VitalKind.HeadCircumference] = ("headcircum", "us-core-head-circumference", ["cm", "[in_i]"]),
    };

    /// <summary>Every profile a vital sign may claim, for the CapabilityStatement.</summary>
    public static IReadOnlyList<string> AllProfiles { get; } =
        [R4 + "vitalsigns", .. Kinds.Values.Select(k => R4 + k.R4), UsCoreVitalSigns, .. Kinds.Values.Select(k => UsCore + k.UsCore)];

    /// <summary>The category as <c>system|code</c> (what a SMART category constraint names).</summary>
    public static string Category => CategorySystem + "|vital-signs";

    /// <summary>The resource.</summary>
    public static Observation From(RecordItem item, VitalSign vital, FhirContext context)
    {
        var kind = VitalKinds.Of(vital.Kind);
        var blood = vital.Kind == VitalKind.BloodPressure;
        var observation = new Observation
        {
            Id = item.ItemId,
            Meta = FhirResources.Meta(item, Profiles(vital)),
            Identifier = FhirResources.Identifiers(item),
            Status = item.Status == RecordStatus.EnteredInError ? ObservationStatus.EnteredInError : ObservationStatus.Final,
            Category = [FhirResources.Coded(CategorySystem, "vital-signs", "Vital Signs")],
            Code = Code(vital, kind),
            Subject = FhirResources.Patient(item.PatientId),
            Encounter = FhirResources.Encounter(item),
            Effective = FhirResources.DateTime(vital.TakenAt, context),
            Performer = FhirResources.Named(vital.Performer) is { } performer ? [performer] : [],
        };
        if (blood)
        {
            observation.Component =
            [
                .. vital.Values.Select(v => new Observation.ComponentComponent
                {
                    Code = FhirResources.Coded(CodeSystems.Loinc, v.Code, v.Name),
                    Value = Quantity(v),
                }),
            ];
        }
        else if (vital.Values.Count > 0)
        {
            observation.Value = Quantity(vital.Values[0]);
        }
        else
        {
            // vs-2: a vital sign without a value says why.
            observation.DataAbsentReason = FhirResources.Coded("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown");
        }

        return observation;
    }

    /// <summary>The profiles the measurement meets: none unless every value has a unit its kind's profiles allow.</summary>
    public static IReadOnlyList<string> Profiles(VitalSign vital)
    {
        var (r4, usCore, units) = Kinds[vital.Kind];
        var components = vital.Kind == VitalKind.BloodPressure
            ? vital.Values.Any(v => v.Code == VitalKinds.Systolic) && vital.Values.Any(v => v.Code == VitalKinds.Diastolic)
            : vital.Values.Count == 1;
        return components && vital.Values.All(v => units.Contains(v.Unit))
            ? [R4 + "vitalsigns", R4 + r4, UsCoreVitalSigns, UsCore + usCore]
            : [];
    }

    // The kind's LOINC code first (the profiles fix it), then the sent codes; pulse oximetry carries both of US Core's codes.
    private static CodeableConcept Code(VitalSign vital, VitalKinds.Definition kind)
    {
        var codes = new List<RecordCode> { new(CodeSystems.Loinc, kind.Loinc, kind.Name) };
        if (vital.Kind == VitalKind.OxygenSaturation)
        {
            codes.Add(new RecordCode(CodeSystems.Loinc, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"));
        }

        codes.AddRange(vital.Codes.Where(c => !codes.Any(known => known.System == c.System && known.Code == c.Code)));
        return FhirResources.Concept(codes, vital.Name);
    }

    private static Quantity Quantity(VitalValue value) =>
        new() { Value = value.Value, Unit = value.Unit, System = CodeSystems.Ucum, Code = value.Unit };
}
