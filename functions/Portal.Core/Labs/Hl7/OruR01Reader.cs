namespace Portal.Core.Labs.Hl7;

/// <summary>
/// Reads an HL7 v2 ORU^R01 (any 2.x version) into a <see cref="LabReport"/>. Any other message type is refused
/// with its type named; malformed input is refused with a reason. Never throws for any input.
/// </summary>
public sealed class OruR01Reader
{
    /// <summary>A reader with the given options (default: UTC sender clock, 1 MiB limit).</summary>
    /// <param name="options">Options, or null for <see cref="LabReaderOptions.Default"/>.</param>
    public OruR01Reader(LabReaderOptions? options = null)
    {
        Options = options ?? LabReaderOptions.Default;
    }

    /// <summary>The options in use.</summary>
    public LabReaderOptions Options { get; }

    /// <summary>Reads message text.</summary>
    /// <param name="message">The HL7 v2 message.</param>
    /// <returns>A report or a refusal.</returns>
    public LabReadResult Read(string? message)
    {
        Hl7Message? parsed = null;
        try
        {
            // The message does not escape (the report holds only its own strings), so its index can use scratch buffers.
            return Hl7Message.TryParseBorrowed(message, out parsed, out var refusal, Options.MaxMessageBytes)
                ? ReadParsed(parsed!)
                : LabReadResult.Refused(refusal!);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Internal(ex);
        }
        finally
        {
            parsed?.Release();
        }
    }

    /// <summary>Reads message bytes (UTF-8 when valid, else Latin-1; see <see cref="Hl7Message.TryParse(ReadOnlySpan{byte}, out Hl7Message?, out LabRefusal?, int)"/>).</summary>
    /// <param name="message">The HL7 v2 message.</param>
    /// <returns>A report or a refusal.</returns>
    public LabReadResult Read(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            return LabReadResult.Refused(new LabRefusal(LabRefusalReason.Empty, "The message is empty."));
        }

        if (message.Length > Options.MaxMessageBytes)
        {
            return LabReadResult.Refused(new LabRefusal(LabRefusalReason.TooLarge,
                $"The message has {message.Length} bytes; the limit is {Options.MaxMessageBytes}."));
        }

        string text;
        try
        {
            text = Hl7Message.Decode(message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Internal(ex);
        }

        return Read(text);
    }

    /// <summary>Reads an already parsed message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>A report or a refusal.</returns>
    public LabReadResult Read(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return ReadParsed(message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Internal(ex);
        }
    }

    private static LabReadResult Internal(Exception ex) =>
        LabReadResult.Refused(new LabRefusal(LabRefusalReason.InternalError, $"The reader failed: {ex.GetType().Name}: {ex.Message}"));

    private LabReadResult ReadParsed(Hl7Message message)
    {
        var zone = Options.SenderTimeZone;
        var msh = message.Header;
        var type = msh.Field(9);
        var code = type.Component(1);
        var trigger = type.Component(2);
        var controlId = msh.Field(10).Value;
        var messageType = !type.HasValue ? null
            : code.RawEquals("ORU") && trigger.RawEquals("R01") ? "ORU^R01"
            : string.Concat(code.Raw, "^", trigger.Raw);

        if (!code.HasValue)
        {
            return Refuse(msh.FieldCount < 9 ? LabRefusalReason.Truncated : LabRefusalReason.MissingRequiredField,
                "MSH-9 (message type) is missing.", "MSH-9", messageType, controlId);
        }

        if (!code.RawEquals("ORU") || !trigger.RawEquals("R01"))
        {
            return Refuse(LabRefusalReason.UnsupportedMessageType,
                $"{messageType} is not a lab result message; only ORU^R01 is accepted.", "MSH-9", messageType, controlId);
        }

        if (controlId is null)
        {
            return Refuse(msh.FieldCount < 10 ? LabRefusalReason.Truncated : LabRefusalReason.MissingRequiredField,
                "MSH-10 (message control id) is missing.", "MSH-10", messageType, controlId);
        }

        var patients = new List<LabPatient>(1);
        var orders = new List<OrderDraft>(2);
        LabPatient? patient = null;
        OrderDraft? order = null;
        Hl7Segment? pendingOrc = null;
        var noteTarget = NoteTarget.None;
        var obxCount = 0;
        List<string>? warnings = null;
        PerformerCache lastPerformer = default;
        var last = message.SegmentCount - 1;

        for (var i = 1; i <= last; i++)
        {
            var segment = message[i];
            var id = segment.Id;
            if (id.SequenceEqual("OBX"))
            {
                obxCount++;
                if (order is null)
                {
                    return Refuse(LabRefusalReason.MalformedSegment, "An OBX comes before any OBR.", $"OBX[{obxCount}]", messageType, controlId);
                }

                if (!segment.Field(3).HasValue)
                {
                    return Refuse(i == last ? LabRefusalReason.Truncated : LabRefusalReason.MissingRequiredField,
                        $"OBX[{obxCount}]-3 (observation identifier) is missing.", $"OBX[{obxCount}]-3", messageType, controlId);
                }

                if (i == last && segment.FieldCount < 11)
                {
                    return Refuse(LabRefusalReason.Truncated,
                        $"The last segment, OBX[{obxCount}], ends before OBX-11 (result status): the message looks truncated.",
                        $"OBX[{obxCount}]-11", messageType, controlId);
                }

                var shift = DetectShift(segment);
                if (shift > 0)
                {
                    (warnings ??= []).Add(
                        $"OBX[{obxCount}] has OBX-5 and OBX-11 empty but a value in OBX-{5 + shift} and a result status in OBX-{11 + shift}: "
                        + $"fields after OBX-4 were read shifted by {shift}.");
                }

                order.Observations.Add(ReadObservation(segment, shift, zone, ref lastPerformer));
                noteTarget = NoteTarget.Observation;
            }
            else if (id.SequenceEqual("NTE"))
            {
                var note = JoinRepetitions(segment.Field(3));
                if (note is not null)
                {
                    if (noteTarget == NoteTarget.Observation)
                    {
                        var observations = order!.Observations;
                        var obs = observations[^1];
                        observations[^1] = obs with { Notes = Append(obs.Notes, note) };
                    }
                    else if (noteTarget == NoteTarget.Order)
                    {
                        (order!.Notes ??= []).Add(note);
                    }
                }
            }
            else if (id.SequenceEqual("OBR"))
            {
                var test = Hl7DataTypes.Code(segment.Field(4).Repetition(1));
                if (test is null)
                {
                    return Refuse(i == last ? LabRefusalReason.Truncated : LabRefusalReason.MissingRequiredField,
                        $"OBR[{orders.Count + 1}]-4 (universal service identifier) is missing.", $"OBR[{orders.Count + 1}]-4", messageType, controlId);
                }

                order = new OrderDraft(segment, pendingOrc, patient, test);
                orders.Add(order);
                pendingOrc = null;
                noteTarget = NoteTarget.Order;
            }
            else if (id.SequenceEqual("PID"))
            {
                patient = ReadPatient(segment, zone);
                patients.Add(patient);
                order = null;
                pendingOrc = null;
                noteTarget = NoteTarget.None;
            }
            else if (id.SequenceEqual("ORC"))
            {
                pendingOrc = segment;
                noteTarget = NoteTarget.None;
            }
            else if (id.SequenceEqual("SPM"))
            {
                if (order is not null && order.Specimen is null)
                {
                    if (i == last && segment.FieldCount < 4)
                    {
                        return Refuse(LabRefusalReason.Truncated,
                            "The last segment, SPM, ends before SPM-4 (specimen type): the message looks truncated.", "SPM-4", messageType, controlId);
                    }

                    order.Specimen = ReadSpecimen(segment, zone);
                }

                noteTarget = NoteTarget.None;
            }
            else if (id.SequenceEqual("MSH"))
            {
                return Refuse(LabRefusalReason.MalformedSegment,
                    "A second MSH: send one message at a time.", $"segment {i + 1}", messageType, controlId);
            }
            else
            {
                noteTarget = NoteTarget.None;
            }
        }

        if (orders.Count == 0)
        {
            return Refuse(LabRefusalReason.MissingRequiredSegment, "The ORU^R01 has no OBR segment, so no results.", "OBR", messageType, controlId);
        }

        var labOrders = new LabOrder[orders.Count];
        for (var i = 0; i < labOrders.Length; i++)
        {
            labOrders[i] = orders[i].ToOrder(zone);
        }

        return LabReadResult.Success(new LabReport
        {
            Format = LabReportFormat.Hl7V2,
            SendingApplication = Hl7DataTypes.Designator(msh.Field(3), subcomponents: false),
            SendingFacility = Hl7DataTypes.Designator(msh.Field(4), subcomponents: false),
            ReceivingApplication = Hl7DataTypes.Designator(msh.Field(5), subcomponents: false),
            ReceivingFacility = Hl7DataTypes.Designator(msh.Field(6), subcomponents: false),
            MessageControlId = controlId,
            MessageTime = msh.Field(7).AsTimestamp(zone),
            Version = msh.Field(12).Component(1).Value,
            MessageType = messageType,
            Patients = patients,
            Orders = labOrders,
            Warnings = (IReadOnlyList<string>?)warnings ?? [],
        });
    }

    private static LabReadResult Refuse(LabRefusalReason reason, string text, string location, string? type, string? controlId) =>
        LabReadResult.Refused(new LabRefusal(reason, text) { Location = location, MessageType = type, MessageControlId = controlId });

    private static IReadOnlyList<string> Append(IReadOnlyList<string> notes, string note)
    {
        var list = new List<string>(notes.Count + 1);
        list.AddRange(notes);
        list.Add(note);
        return list;
    }

    private static string? JoinRepetitions(Hl7Element field)
    {
        var count = field.RepetitionCount;
        if (count <= 1)
        {
            return field.Value;
        }

        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = field.Repetition(i + 1).Value ?? string.Empty;
        }

        return string.Join('\n', parts);
    }

    private static LabPatient ReadPatient(Hl7Segment pid, TimeZoneInfo zone)
    {
        var ids = pid.Field(3);
        var count = ids.RepetitionCount;
        var identifiers = new List<LabIdentifier>(count);
        for (var r = 1; r <= count; r++)
        {
            if (Hl7DataTypes.PatientIdentifier(ids.Repetition(r)) is { } id)
            {
                identifiers.Add(id);
            }
        }

        return new LabPatient
        {
            Identifiers = identifiers,
            Name = Hl7DataTypes.PersonName(pid.Field(5).Repetition(1)),
            BirthDate = pid.Field(7).AsTimestamp(zone),
            Sex = Hl7Codes.Intern(pid.Field(8)),
        };
    }

    /// <summary>
    /// Some senders insert extra empty fields after OBX-4, which moves the value, units, flags and status.
    /// When OBX-5 and the required OBX-11 are both empty, but a value follows the empty fields and a valid
    /// result status (table 0085) sits the same distance after OBX-11, the segment is read shifted by that distance.
    /// </summary>
    private static int DetectShift(Hl7Segment obx)
    {
        if (obx.Field(5).HasValue || obx.Field(11).HasValue)
        {
            return 0;
        }

        for (var k = 1; k <= 3; k++)
        {
            if (obx.Field(4 + k).HasValue)
            {
                return 0;
            }

            var status = obx.Field(11 + k).Raw;
            if (obx.Field(5 + k).HasValue && status.Length == 1 && "CDFINOPRSUWX".Contains(status[0]))
            {
                return k;
            }
        }

        return 0;
    }

    private static LabObservation ReadObservation(Hl7Segment segment, int shift, TimeZoneInfo zone, ref PerformerCache lastPerformer)
    {
        var obx = new ShiftedObx(segment, shift);
        var valueType = obx.Field(2).Component(1);
        var flagsField = obx.Field(8);
        var flagCount = flagsField.RepetitionCount;
        AbnormalFlag[] flags = [];
        if (flagCount > 0)
        {
            flags = new AbnormalFlag[flagCount];
            var n = 0;
            for (var r = 1; r <= flagCount; r++)
            {
                if (Hl7Codes.Intern(flagsField.Repetition(r).Component(1)) is { } flag)
                {
                    flags[n++] = new AbnormalFlag(flag);
                }
            }

            if (n < flagCount)
            {
                Array.Resize(ref flags, n);
            }
        }

        var status = obx.Field(11);
        return new LabObservation
        {
            SetId = Hl7Codes.Intern(obx.Field(1)),
            ValueType = Hl7Codes.Intern(valueType),
            Code = Hl7DataTypes.Code(obx.Field(3).Repetition(1)) ?? new LabCode(),
            SubId = Hl7Codes.Intern(obx.Field(4)),
            Values = Hl7ObservationValues.Read(valueType.Raw, obx.Field(5), zone),
            Units = Hl7DataTypes.Code(obx.Field(6).Repetition(1)),
            ReferenceRange = ReferenceRangeText.Parse(obx.Field(7).Value),
            Flags = flags,
            Status = LabResultStatuses.FromHl7(status.Raw),
            StatusCode = Hl7Codes.Intern(status),
            ObservedAt = obx.Field(14).AsTimestamp(zone),
            AnalyzedAt = obx.Field(19).AsTimestamp(zone),
            PerformingOrganization = lastPerformer.Get(obx.Field(23), obx.Field(24), obx.Field(25)),
        };
    }

    private static LabSpecimen ReadSpecimen(Hl7Segment spm, TimeZoneInfo zone)
    {
        var id = spm.Field(2);
        var filler = Hl7DataTypes.EntityIdentifier(id.Component(2), subcomponents: true);
        var collected = spm.Field(17).Component(1).Subcomponent(1);
        return new LabSpecimen
        {
            Id = filler ?? Hl7DataTypes.EntityIdentifier(id.Component(1), subcomponents: true),
            Type = Hl7DataTypes.Code(spm.Field(4).Repetition(1)),
            CollectedAt = collected.HasValue ? Hl7Timestamp.Parse(collected.Raw, zone) : null,
            ReceivedAt = spm.Field(18).AsTimestamp(zone),
        };
    }

    /// <summary>
    /// OBX-23…25 usually repeat the same lab on every OBX of a message: the last one read is kept and, when the raw
    /// fields are equal, its (immutable) <see cref="LabOrganization"/> is shared instead of read again.
    /// </summary>
    private struct PerformerCache
    {
        private Hl7Element _name;
        private Hl7Element _address;
        private Hl7Element _director;
        private LabOrganization? _organization;

        public LabOrganization? Get(Hl7Element name, Hl7Element address, Hl7Element director)
        {
            if (_organization is not null && name.Raw.SequenceEqual(_name.Raw)
                && address.Raw.SequenceEqual(_address.Raw) && director.Raw.SequenceEqual(_director.Raw))
            {
                return _organization;
            }

            _name = name;
            _address = address;
            _director = director;
            _organization = Hl7DataTypes.Organization(name.Repetition(1), address.Repetition(1), director);
            return _organization;
        }
    }

    /// <summary>An OBX whose fields from OBX-5 on are read <c>shift</c> positions later.</summary>
    private readonly struct ShiftedObx(Hl7Segment segment, int shift)
    {
        public Hl7Element Field(int number) => segment.Field(number >= 5 ? number + shift : number);
    }

    private enum NoteTarget
    {
        None,
        Order,
        Observation,
    }

    private sealed class OrderDraft(Hl7Segment obr, Hl7Segment? orc, LabPatient? patient, LabCode test)
    {
        public List<LabObservation> Observations { get; } = new(4);

        public List<string>? Notes { get; set; }

        public LabSpecimen? Specimen { get; set; }

        public LabOrder ToOrder(TimeZoneInfo zone)
        {
            var status = obr.Field(25);
            var provider = Hl7DataTypes.Provider(obr.Field(16).Repetition(1));
            if (provider is null && orc is { } o)
            {
                provider = Hl7DataTypes.Provider(o.Field(12).Repetition(1));
            }

            return new LabOrder
            {
                Patient = patient,
                PlacerOrderNumber = Hl7DataTypes.EntityIdentifier(obr.Field(2).Repetition(1), subcomponents: false)
                    ?? (orc is { } p ? Hl7DataTypes.EntityIdentifier(p.Field(2).Repetition(1), subcomponents: false) : null),
                FillerOrderNumber = Hl7DataTypes.EntityIdentifier(obr.Field(3).Repetition(1), subcomponents: false)
                    ?? (orc is { } f ? Hl7DataTypes.EntityIdentifier(f.Field(3).Repetition(1), subcomponents: false) : null),
                Test = test,
                CollectedAt = obr.Field(7).AsTimestamp(zone),
                ReportedAt = obr.Field(22).AsTimestamp(zone),
                Status = LabResultStatuses.FromHl7(status.Raw),
                StatusCode = Hl7Codes.Intern(status),
                ServiceSection = Hl7Codes.Intern(obr.Field(24)),
                OrderingProvider = provider,
                Specimen = Specimen,
                Notes = (IReadOnlyList<string>?)Notes ?? [],
                Observations = Observations,
            };
        }
    }
}
