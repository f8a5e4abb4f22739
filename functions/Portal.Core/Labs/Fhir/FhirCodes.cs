using Hl7.Fhir.Model;

namespace Portal.Core.Labs.Fhir;

/// <summary>Maps FHIR codings, identifiers and names to the lab model (code systems to their HL7 v2 names).</summary>
internal static class FhirCodes
{
    public static string? SystemName(string? uri) => uri switch
    {
        null => null,
        "http://loinc.org" => LabCode.LoincSystem,
        "http://snomed.info/sct" => "SCT",
        "http://unitsofmeasure.org" => "UCUM",
        "http://hl7.org/fhir/sid/icd-10-cm" => "I10C",
        _ when uri.StartsWith("urn:oid:", StringComparison.Ordinal) => uri["urn:oid:".Length..],
        _ => uri,
    };

    /// <summary>CodeableConcept → LabCode: a LOINC coding (if any) first, the next coding as alternate.</summary>
    public static LabCode? Code(CodeableConcept? concept)
    {
        if (concept is null)
        {
            return null;
        }

        var codings = concept.Coding;
        Coding? primary = null;
        Coding? alternate = null;
        foreach (var c in codings)
        {
            if (c.System == "http://loinc.org" && primary is null)
            {
                primary = c;
            }
        }

        foreach (var c in codings)
        {
            if (primary is null)
            {
                primary = c;
            }
            else if (!ReferenceEquals(c, primary) && alternate is null)
            {
                alternate = c;
            }
        }

        if (primary is null && concept.Text is null)
        {
            return null;
        }

        return new LabCode
        {
            Code = primary?.Code,
            Text = primary?.Display,
            System = SystemName(primary?.System),
            AlternateCode = alternate?.Code,
            AlternateText = alternate?.Display,
            AlternateSystem = SystemName(alternate?.System),
            OriginalText = concept.Text,
        };
    }

    public static LabIdentifier? Identifier(Identifier? id)
    {
        if (id?.Value is null)
        {
            return null;
        }

        var system = id.System;
        LabDesignator? authority = system is null && id.Assigner?.Display is null
            ? null
            : new LabDesignator(
                id.Assigner?.Display,
                system is null ? null : SystemName(system),
                system is null ? null : system.StartsWith("urn:oid:", StringComparison.Ordinal) ? "ISO" : "URI");
        return new LabIdentifier
        {
            Value = id.Value,
            AssigningAuthority = authority,
            TypeCode = id.Type?.Coding.FirstOrDefault()?.Code,
        };
    }

    public static LabPersonName? Name(IReadOnlyCollection<HumanName> names)
    {
        var name = names.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? names.FirstOrDefault();
        if (name is null)
        {
            return null;
        }

        var given = name.Given.ToList();
        return new LabPersonName(
            name.Family,
            given.Count > 0 ? given[0] : null,
            given.Count > 1 ? string.Join(' ', given.Skip(1)) : null,
            name.Suffix.FirstOrDefault(),
            name.Prefix.FirstOrDefault());
    }

    public static LabAddress? Address(Address? a) =>
        a is null
            ? null
            : new LabAddress(a.Line.FirstOrDefault(), a.Line.Skip(1).FirstOrDefault(), a.City, a.State, a.PostalCode, a.Country);
}
