using System.Globalization;
using Hl7.Fhir.Model;
using Portal.Core.Labs.Results;

namespace Portal.Core.Labs.Fhir;

/// <summary>
/// A stored lab result as FHIR R4 for the FHIR API: a US Core Lab <c>DiagnosticReport</c> (category LAB, status, code,
/// subject, effective, issued, performer, conclusion = the clinician's comment) and its <c>Observation</c>s (category
/// laboratory, LOINC code, value, unit in UCUM, reference range, interpretation). Ids are stable: the report is the
/// result id, an observation is <c>{resultId}-{sequence}</c>.
/// </summary>
public static class LabResultFhir
{
    private const string Loinc = "http://loinc.org";
    private const string Ucum = "http://unitsofmeasure.org";
    private const string V2Section = "http://terminology.hl7.org/CodeSystem/v2-0074";
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    private const string Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /// <summary>The report and its observations; references point at <c>Patient/{patientId}</c> and <c>Observation/{id}</c>.</summary>
    public static (DiagnosticReport Report, IReadOnlyList<Observation> Observations) Map(LabResult result, IReadOnlyList<ResultObservation> observations)
    {
        var subject = new ResourceReference($"Patient/{result.PatientId}");
        var mapped = observations.Select(o => Observation(result, o, subject)).ToList();
        var report = new DiagnosticReport
        {
            Id = result.ResultId,
            Status = ReportStatus(result.Status),
            Category = [new CodeableConcept(V2Section, "LAB", "Laboratory")],
            Code = Code(result.TestCode, result.TestName),
            Subject = subject,
            Effective = result.CollectedAt is { } collected ? new FhirDateTime(collected) : null,
            Issued = result.ReportedAt ?? result.ReceivedAt,
            Result = [.. mapped.Select(o => new ResourceReference($"Observation/{o.Id}"))],
            Conclusion = result.Comment?.Text,
        };
        if (result.OrderNumber is { } order)
        {
            report.Identifier.Add(new Identifier($"urn:portal:lab:{result.Facility}", order));
        }

        if (result.PerformingLab is { } lab)
        {
            report.Performer.Add(new ResourceReference { Display = lab });
        }

        return (report, mapped);
    }

    private static Observation Observation(LabResult result, ResultObservation o, ResourceReference subject)
    {
        var observation = new Observation
        {
            Id = $"{result.ResultId}-{o.Sequence.ToString(CultureInfo.InvariantCulture)}",
            Status = ObservationStatus(o.Status),
            Category = [new CodeableConcept(ObservationCategory, "laboratory", "Laboratory")],
            Code = Code(o.Loinc ?? o.Code, o.Name),
            Subject = subject,
            Effective = (o.ObservedAt ?? result.CollectedAt) is { } at ? new FhirDateTime(at) : null,
            Issued = result.ReportedAt ?? result.ReceivedAt,
            Value = Value(o),
        };
        if (o.RangeLow is not null || o.RangeHigh is not null || o.Range is not null)
        {
            observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent
            {
                Low = o.RangeLow is { } low ? Quantity(low, o.Unit) : null,
                High = o.RangeHigh is { } high ? Quantity(high, o.Unit) : null,
                Text = o.Range,
            });
        }

        foreach (var code in o.FlagCodes.Where(c => c.Length > 0))
        {
            observation.Interpretation.Add(new CodeableConcept(Interpretation, code));
        }

        foreach (var note in o.Notes)
        {
            observation.Note.Add(new Annotation { Text = new Markdown(note) });
        }

        return observation;
    }

    private static DataType? Value(ResultObservation o)
    {
        if (o.Number is { } number)
        {
            var quantity = Quantity(number, o.Unit);
            quantity.Comparator = o.Comparator switch
            {
                "<" => global::Hl7.Fhir.Model.Quantity.QuantityComparator.LessThan,
                "<=" => global::Hl7.Fhir.Model.Quantity.QuantityComparator.LessOrEqual,
                ">" => global::Hl7.Fhir.Model.Quantity.QuantityComparator.GreaterThan,
                ">=" => global::Hl7.Fhir.Model.Quantity.QuantityComparator.GreaterOrEqual,
                _ => null,
            };
            return quantity;
        }

        return o.Value is { Length: > 0 } text ? new FhirString(text) : null;
    }

    private static Quantity Quantity(decimal value, string? unit) =>
        unit is { Length: > 0 } u ? new Quantity(value, u, Ucum) { Unit = u } : new Quantity { Value = value };

    private static CodeableConcept Code(string? loincOrCode, string text)
    {
        var concept = new CodeableConcept { Text = text };
        if (loincOrCode is { Length: > 0 } code)
        {
            concept.Coding.Add(new Coding(Loinc, code, text));
        }

        return concept;
    }

    private static DiagnosticReport.DiagnosticReportStatus ReportStatus(LabResultStatus status) => status switch
    {
        LabResultStatus.Registered => DiagnosticReport.DiagnosticReportStatus.Registered,
        LabResultStatus.Partial => DiagnosticReport.DiagnosticReportStatus.Partial,
        LabResultStatus.Preliminary => DiagnosticReport.DiagnosticReportStatus.Preliminary,
        LabResultStatus.Final => DiagnosticReport.DiagnosticReportStatus.Final,
        LabResultStatus.Corrected => DiagnosticReport.DiagnosticReportStatus.Corrected,
        LabResultStatus.Amended => DiagnosticReport.DiagnosticReportStatus.Amended,
        LabResultStatus.Cancelled => DiagnosticReport.DiagnosticReportStatus.Cancelled,
        LabResultStatus.EnteredInError => DiagnosticReport.DiagnosticReportStatus.EnteredInError,
        _ => DiagnosticReport.DiagnosticReportStatus.Unknown,
    };

    private static ObservationStatus ObservationStatus(LabResultStatus status) => status switch
    {
        LabResultStatus.Registered => global::Hl7.Fhir.Model.ObservationStatus.Registered,
        LabResultStatus.Partial or LabResultStatus.Preliminary => global::Hl7.Fhir.Model.ObservationStatus.Preliminary,
        LabResultStatus.Final => global::Hl7.Fhir.Model.ObservationStatus.Final,
        LabResultStatus.Corrected => global::Hl7.Fhir.Model.ObservationStatus.Corrected,
        LabResultStatus.Amended => global::Hl7.Fhir.Model.ObservationStatus.Amended,
        LabResultStatus.Cancelled => global::Hl7.Fhir.Model.ObservationStatus.Cancelled,
        LabResultStatus.EnteredInError => global::Hl7.Fhir.Model.ObservationStatus.EnteredInError,
        _ => global::Hl7.Fhir.Model.ObservationStatus.Unknown,
    };
}
