using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>Observation in category vital-signs → <see cref="VitalSign"/> (blood pressure from its two components).</summary>
internal static class FhirVitals
{
    public static MappedContent? Read(Observation resource, string path, FhirIssues issues)
    {
        if (!resource.Category.Any(c => FhirValues.Has(c, "vital-signs")))
        {
            issues.Add($"{path}.category", "Only vital signs are accepted here (category vital-signs); laboratory results come through lab ingestion.");
            return null;
        }

        var loinc = resource.Code?.Coding.Where(c => c.System == CodeSystems.Loinc).Select(c => c.Code).ToList() ?? [];
        var kind = loinc.Select(VitalKinds.FromLoinc).FirstOrDefault(k => k is not null);
        if (kind is null)
        {
            issues.Add($"{path}.code", "A vital-sign LOINC code is required (blood pressure 85354-9, heart rate 8867-4, weight 29463-7 …).");
            return null;
        }

        var takenAt = FhirValues.Time(resource.Effective);
        if (takenAt is null)
        {
            issues.Add($"{path}.effective", "When it was measured is required: effectiveDateTime.");
        }

        var errored = resource.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled;
        var values = new List<VitalValue>();
        if (kind == VitalKind.BloodPressure)
        {
            foreach (var code in new[] { VitalKinds.Systolic, VitalKinds.Diastolic })
            {
                var component = resource.Component.FirstOrDefault(c => FhirValues.Has(c.Code, code, CodeSystems.Loinc));
                if (FhirValues.Quantity(component?.Value) is { } value)
                {
                    values.Add(new VitalValue(code, code == VitalKinds.Systolic ? "Systolic" : "Diastolic", value.Value, value.Unit));
                }
            }
        }
        else if (FhirValues.Quantity(resource.Value) is { } value)
        {
            values.Add(new VitalValue(kind.Value.Loinc(), VitalKinds.Of(kind.Value).Name, value.Value, value.Unit));
        }

        if (values.Count == 0 && !errored)
        {
            issues.Add($"{path}.value", kind == VitalKind.BloodPressure
                ? "Blood pressure needs a systolic (8480-6) or diastolic (8462-4) component with a valueQuantity."
                : "A valueQuantity is required.");
        }

        if (takenAt is null || (values.Count == 0 && !errored))
        {
            return null;
        }

        var vital = new VitalSign(
            kind.Value, VitalKinds.Of(kind.Value).Name, takenAt, values, FhirValues.Codes(resource.Code),
            resource.Performer.Select(FhirValues.Display).FirstOrDefault(p => p is not null));
        return new MappedContent(new RecordContent(VitalSign: vital), errored, resource.Encounter);
    }
}
