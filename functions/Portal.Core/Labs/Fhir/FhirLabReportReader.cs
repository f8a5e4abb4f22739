using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Portal.Core.Labs.Fhir;

/// <summary>
/// Reads a FHIR R4 JSON <c>Bundle</c> (collection, transaction, message …) holding <c>DiagnosticReport</c>s, their
/// <c>Observation</c>s (contained, by full URL or by relative reference) and the <c>Patient</c>, into the same
/// <see cref="LabReport"/> as the HL7 v2 reader: one <see cref="LabOrder"/> per DiagnosticReport.
/// Invalid FHIR, or a Bundle without a DiagnosticReport, is refused with a reason. Never throws for any input.
/// </summary>
public sealed class FhirLabReportReader
{
    private readonly FhirJsonDeserializer _deserializer = new(new DeserializerSettings());

    /// <summary>A reader with the given options.</summary>
    /// <param name="options">Options, or null for <see cref="LabReaderOptions.Default"/>.</param>
    public FhirLabReportReader(LabReaderOptions? options = null)
    {
        Options = options ?? LabReaderOptions.Default;
    }

    /// <summary>The options in use.</summary>
    public LabReaderOptions Options { get; }

    /// <summary>Reads UTF-8 JSON.</summary>
    /// <param name="utf8Json">The Bundle (or a single DiagnosticReport with contained Observations).</param>
    /// <returns>A report or a refusal.</returns>
    public LabReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > Options.MaxMessageBytes)
        {
            return TooLarge(utf8Json.Length);
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return LabReadResult.Refused(new LabRefusal(LabRefusalReason.BinaryContent, "The content is not UTF-8 JSON."));
        }

        return Read(Encoding.UTF8.GetString(utf8Json));
    }

    /// <summary>Reads JSON text.</summary>
    /// <param name="json">The Bundle (or a single DiagnosticReport with contained Observations).</param>
    /// <returns>A report or a refusal.</returns>
    public LabReadResult Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return LabReadResult.Refused(new LabRefusal(LabRefusalReason.Empty, "The content is empty."));
        }

        if (json.Length > Options.MaxMessageBytes)
        {
            return TooLarge(json.Length);
        }

        Resource resource;
        List<string>? warnings = null;
        try
        {
            resource = _deserializer.DeserializeResource(json);
        }
        catch (DeserializationFailedException ex) when (ex.PartialResult is (Bundle or DiagnosticReport) and Resource partial && ex.Exceptions.All(CodedExceptionFilters.FilterNoOverflowIssues.Invoke))
        {
            // Labs send imperfect FHIR: a defect that loses no data (a narrative without its div, a missing required
            // element elsewhere) is read with a warning; unknown elements and wrong types still refuse the message.
            resource = partial;
            warnings = [.. ex.Exceptions.Select(e => $"FHIR: {e.Message}").Distinct().Take(20)];
        }
        catch (DeserializationFailedException ex)
        {
            return Invalid(ex.Exceptions.Select(e => e.Message).FirstOrDefault() ?? ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // JsonException, FormatException … or anything else the SDK throws on bad input: a refusal, never an exception.
            return Invalid(ex.Message);
        }

        try
        {
            var read = resource switch
            {
                Bundle bundle => ReadBundle(bundle),
                DiagnosticReport report => ReadReports(null, [report], new ReferenceResolver(null)),
                _ => LabReadResult.Refused(new LabRefusal(LabRefusalReason.NoDiagnosticReport,
                    $"A {resource.TypeName} is not a lab report; send a Bundle with a DiagnosticReport.")),
            };
            return warnings is null || !read.IsSuccess
                ? read
                : LabReadResult.Success(read.Report with { Warnings = [.. read.Report.Warnings, .. warnings] });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return LabReadResult.Refused(new LabRefusal(LabRefusalReason.InternalError, $"The reader failed: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    private LabReadResult TooLarge(int length) =>
        LabReadResult.Refused(new LabRefusal(LabRefusalReason.TooLarge, $"The content has {length} bytes; the limit is {Options.MaxMessageBytes}."));

    private static LabReadResult Invalid(string reason) =>
        LabReadResult.Refused(new LabRefusal(LabRefusalReason.InvalidFhir, $"Not valid FHIR R4 JSON: {reason}"));

    private LabReadResult ReadBundle(Bundle bundle)
    {
        var reports = new List<DiagnosticReport>();
        foreach (var entry in bundle.Entry)
        {
            if (entry.Resource is DiagnosticReport dr)
            {
                reports.Add(dr);
            }
        }

        if (reports.Count == 0)
        {
            return LabReadResult.Refused(new LabRefusal(LabRefusalReason.NoDiagnosticReport, "The Bundle holds no DiagnosticReport.")
            {
                MessageControlId = bundle.Identifier?.Value ?? bundle.Id,
            });
        }

        return ReadReports(bundle, reports, new ReferenceResolver(bundle));
    }

    private LabReadResult ReadReports(Bundle? bundle, List<DiagnosticReport> reports, ReferenceResolver resolver)
    {
        var zone = Options.SenderTimeZone;
        var patients = new List<LabPatient>();
        var patientByResource = new Dictionary<Resource, LabPatient>(ReferenceEqualityComparer.Instance);
        var orders = new List<LabOrder>(reports.Count);

        foreach (var dr in reports)
        {
            LabPatient? patient = null;
            if (resolver.Resolve(dr.Subject, dr) is Patient p)
            {
                if (!patientByResource.TryGetValue(p, out patient))
                {
                    patient = ReadPatient(p, zone);
                    patientByResource[p] = patient;
                    patients.Add(patient);
                }
            }

            var observations = new List<LabObservation>(dr.Result.Count);
            foreach (var reference in dr.Result)
            {
                if (resolver.Resolve(reference, dr) is Observation obs)
                {
                    observations.Add(ReadObservation(obs, observations.Count + 1, resolver, zone));
                }
            }

            LabIdentifier? placer = null;
            LabIdentifier? filler = null;
            foreach (var id in dr.Identifier)
            {
                var typeCode = id.Type?.Coding.FirstOrDefault()?.Code;
                if (typeCode == "PLAC")
                {
                    placer ??= FhirCodes.Identifier(id);
                }
                else
                {
                    filler ??= FhirCodes.Identifier(id);
                }
            }

            LabProvider? orderingProvider = null;
            foreach (var basedOn in dr.BasedOn)
            {
                if (resolver.Resolve(basedOn, dr) is ServiceRequest sr)
                {
                    placer ??= FhirCodes.Identifier(sr.Identifier.FirstOrDefault());
                    orderingProvider = Provider(sr.Requester, resolver, dr);
                    break;
                }
            }

            var status = dr.StatusElement?.JsonValue as string;
            orders.Add(new LabOrder
            {
                Patient = patient,
                PlacerOrderNumber = placer,
                FillerOrderNumber = filler,
                Test = FhirCodes.Code(dr.Code) ?? new LabCode(),
                CollectedAt = Effective(dr.Effective, zone),
                ReportedAt = FhirTimes.From(dr.Issued),
                Status = LabResultStatuses.FromFhir(status),
                StatusCode = status,
                ServiceSection = dr.Category.SelectMany(c => c.Coding).FirstOrDefault(c => c.Code is not null && c.Code != "LAB")?.Code,
                OrderingProvider = orderingProvider,
                Specimen = dr.Specimen.Count > 0 && resolver.Resolve(dr.Specimen[0], dr) is Specimen sp ? ReadSpecimen(sp, zone) : null,
                Notes = dr.Conclusion is { } conclusion ? [conclusion] : [],
                Observations = observations,
            });
        }

        LabDesignator? sender = null;
        if (bundle?.Entry.FirstOrDefault()?.Resource is MessageHeader header && header.Source is { } source)
        {
            sender = new LabDesignator(source.Name, source.Endpoint, "URI");
        }

        return LabReadResult.Success(new LabReport
        {
            Format = LabReportFormat.FhirR4,
            SendingApplication = sender,
            MessageControlId = bundle?.Identifier?.Value ?? ReportIdentifiers(orders) ?? bundle?.Id ?? reports[0].Id,
            SendingFacility = bundle?.Identifier?.System is { } system ? new LabDesignator(null, system, "URI") : null,
            MessageTime = FhirTimes.From(bundle?.Timestamp),
            Version = "R4",
            MessageType = bundle is null ? "DiagnosticReport" : $"Bundle/{bundle.TypeElement?.JsonValue as string}",
            Patients = patients,
            Orders = orders,
        });
    }

    /// <summary>
    /// Without a Bundle.identifier, the reports' own identifiers name the message (stable across resends, unlike
    /// Bundle.id), with their status and issued time, so that a corrected report is a new message, not a duplicate.
    /// </summary>
    private static string? ReportIdentifiers(List<LabOrder> orders)
    {
        var ids = orders.Select(o => o.FillerOrderNumber?.Value ?? o.PlacerOrderNumber?.Value).ToList();
        return ids.All(id => id is not null) ? string.Join("+", ids) + "|" + string.Join("+", orders.Select(o => $"{o.StatusCode}@{o.ReportedAt}")) : null;
    }

    private static LabPatient ReadPatient(Patient p, TimeZoneInfo zone)
    {
        var identifiers = new List<LabIdentifier>(p.Identifier.Count);
        foreach (var id in p.Identifier)
        {
            if (FhirCodes.Identifier(id) is { } labId)
            {
                identifiers.Add(labId);
            }
        }

        return new LabPatient
        {
            Identifiers = identifiers,
            Name = FhirCodes.Name(p.Name),
            BirthDate = FhirTimes.Parse(p.BirthDate, zone),
            Sex = p.Gender switch
            {
                AdministrativeGender.Male => "M",
                AdministrativeGender.Female => "F",
                AdministrativeGender.Other => "O",
                AdministrativeGender.Unknown => "U",
                _ => null,
            },
        };
    }

    private static LabObservation ReadObservation(Observation obs, int index, ReferenceResolver resolver, TimeZoneInfo zone)
    {
        var (valueType, value, units) = Value(obs.Value, zone);
        var flags = new List<AbnormalFlag>();
        foreach (var interpretation in obs.Interpretation)
        {
            foreach (var coding in interpretation.Coding)
            {
                if (coding.Code is { } code)
                {
                    flags.Add(new AbnormalFlag(code));
                }
            }
        }

        var status = obs.StatusElement?.JsonValue as string;
        var notes = new List<string>();
        foreach (var note in obs.Note)
        {
            if (note.Text is { } text)
            {
                notes.Add(text);
            }
        }

        return new LabObservation
        {
            SetId = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ValueType = valueType,
            Code = FhirCodes.Code(obs.Code) ?? new LabCode(),
            Values = value is null ? [] : [value],
            Units = units,
            ReferenceRange = Range(obs.ReferenceRange.FirstOrDefault()),
            Flags = flags,
            Status = LabResultStatuses.FromFhir(status),
            StatusCode = status,
            ObservedAt = Effective(obs.Effective, zone),
            AnalyzedAt = FhirTimes.From(obs.Issued),
            PerformingOrganization = Performer(obs, resolver),
            Notes = notes,
        };
    }

    private static (string? Type, LabValue? Value, LabCode? Units) Value(DataType? value, TimeZoneInfo zone) => value switch
    {
        null => (null, null, null),
        Quantity q when q.Value is { } v => (q.Comparator is null ? "NM" : "SN", new LabQuantityValue(v, Comparator(q.Comparator)), Units(q)),
        Quantity q => (null, null, Units(q)),
        CodeableConcept cc => ("CWE", FhirCodes.Code(cc) is { } code ? new LabCodedValue(code) : null, null),
        FhirString s => ("ST", s.Value is null ? null : new LabTextValue(s.Value), null),
        Ratio r => ("SN", new LabRatioValue(r.Numerator?.Value, r.Denominator?.Value), Units(r.Numerator)),
        global::Hl7.Fhir.Model.Range range => ("SN", new LabRangeValue(range.Low?.Value, range.High?.Value), Units(range.Low ?? range.High)),
        FhirDateTime dt => ("DTM", FhirTimes.Parse(dt.Value, zone) is { } t ? new LabDateTimeValue(t) : null, null),
        Integer i when i.Value is { } n => ("NM", new LabQuantityValue(n), null),
        FhirBoolean b when b.Value is { } yes => ("ST", new LabTextValue(yes ? "true" : "false"), null),
        _ => ("ST", value.ToString() is { } text ? new LabTextValue(text) : null, null),
    };

    private static string? Comparator(Quantity.QuantityComparator? comparator) => comparator switch
    {
        Quantity.QuantityComparator.LessThan => "<",
        Quantity.QuantityComparator.LessOrEqual => "<=",
        Quantity.QuantityComparator.GreaterThan => ">",
        Quantity.QuantityComparator.GreaterOrEqual => ">=",
        _ => null,
    };

    private static LabCode? Units(Quantity? q) =>
        q is null || (q.Code is null && q.Unit is null)
            ? null
            : new LabCode { Code = q.Code ?? q.Unit, Text = q.Unit, System = FhirCodes.SystemName(q.System) };

    private static ReferenceRange? Range(Observation.ReferenceRangeComponent? range)
    {
        if (range is null)
        {
            return null;
        }

        return new ReferenceRange
        {
            Text = range.Text,
            Low = range.Low?.Value,
            High = range.High?.Value,
        };
    }

    private static PartialDateTime? Effective(DataType? effective, TimeZoneInfo zone) => effective switch
    {
        FhirDateTime dt => FhirTimes.Parse(dt.Value, zone),
        Period period => FhirTimes.Parse(period.Start, zone),
        Instant instant => FhirTimes.From(instant.Value),
        _ => null,
    };

    private static LabOrganization? Performer(Observation obs, ReferenceResolver resolver)
    {
        LabOrganization? organization = null;
        LabProvider? director = null;
        foreach (var reference in obs.Performer)
        {
            switch (resolver.Resolve(reference, obs))
            {
                case Organization org when organization is null:
                    organization = new LabOrganization
                    {
                        Name = org.Name,
                        Identifier = org.Identifier.FirstOrDefault()?.Value,
                        AssigningAuthority = FhirCodes.Identifier(org.Identifier.FirstOrDefault())?.AssigningAuthority,
                        Address = FhirCodes.Address(org.Address.FirstOrDefault()),
                    };
                    break;
                case Practitioner practitioner when director is null:
                    director = new LabProvider
                    {
                        Id = practitioner.Identifier.FirstOrDefault()?.Value,
                        Name = FhirCodes.Name(practitioner.Name),
                        Display = reference.Display,
                    };
                    break;
                case null when organization is null && reference.Display is { } display:
                    organization = new LabOrganization { Name = display };
                    break;
            }
        }

        return organization is null && director is null
            ? null
            : (organization ?? new LabOrganization()) with { Director = director };
    }

    private static LabProvider? Provider(ResourceReference? reference, ReferenceResolver resolver, Resource from)
    {
        if (reference is null)
        {
            return null;
        }

        return resolver.Resolve(reference, from) is Practitioner p
            ? new LabProvider { Id = p.Identifier.FirstOrDefault()?.Value, Name = FhirCodes.Name(p.Name), Display = reference.Display }
            : reference.Display is { } display ? new LabProvider { Display = display } : null;
    }

    private static LabSpecimen ReadSpecimen(Specimen specimen, TimeZoneInfo zone) => new()
    {
        Id = FhirCodes.Identifier(specimen.AccessionIdentifier) ?? FhirCodes.Identifier(specimen.Identifier.FirstOrDefault()),
        Type = FhirCodes.Code(specimen.Type),
        CollectedAt = Effective(specimen.Collection?.Collected, zone),
        ReceivedAt = FhirTimes.Parse(specimen.ReceivedTime, zone),
    };
}
