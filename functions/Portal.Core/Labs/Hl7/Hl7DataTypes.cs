namespace Portal.Core.Labs.Hl7;

/// <summary>Reads HL7 v2 composite data types (HD, CE/CWE, CX, EI, XPN, XCN, XON, XAD) into the lab model.</summary>
internal static class Hl7DataTypes
{
    /// <summary>HD: namespace^universal id^type; inside another composite (<paramref name="subcomponents"/>) it uses subcomponents.</summary>
    public static LabDesignator? Designator(Hl7Element e, bool subcomponents)
    {
        if (!e.HasValue)
        {
            return null;
        }

        // Assigning authorities and applications repeat from message to message.
        return Designators.Get(e, subcomponents);
    }

    private static readonly CompositeCache<LabDesignator?> Designators = new(ReadDesignator);

    private static LabDesignator? ReadDesignator(Hl7Element e, bool subcomponents)
    {
        var p = subcomponents ? e.Subcomponents() : e.Components();
        return Designator(Hl7Codes.Shared(p[1]), Hl7Codes.Shared(p[2]), Hl7Codes.Shared(p[3]));
    }

    private static LabDesignator? Designator(string? ns, string? uid, string? type) =>
        ns is null && uid is null && type is null ? null : new LabDesignator(ns, uid, type);

    /// <summary>CE/CWE/CNE on a field repetition, or (<paramref name="subcomponents"/>) inside another composite.</summary>
    public static LabCode? Code(Hl7Element e, bool subcomponents = false)
    {
        if (!e.HasValue)
        {
            return null;
        }

        // Codes (tests, units, specimen types, coded results) repeat from message to message.
        return Codes.Get(e, subcomponents);
    }

    private static readonly CompositeCache<LabCode> Codes = new(ReadCode);

    private static LabCode ReadCode(Hl7Element e, bool subcomponents)
    {
        var p = subcomponents ? e.Subcomponents() : e.Components();
        return new LabCode
        {
            Code = Hl7Codes.Shared(p[1]),
            Text = Hl7Codes.Shared(p[2]),
            System = Hl7Codes.Intern(p[3]),
            AlternateCode = Hl7Codes.Shared(p[4]),
            AlternateText = Hl7Codes.Shared(p[5]),
            AlternateSystem = Hl7Codes.Intern(p[6]),
            OriginalText = Hl7Codes.Shared(p[9]),
        };
    }

    /// <summary>CX: id^check^scheme^authority(HD)^type^facility(HD).</summary>
    public static LabIdentifier? PatientIdentifier(Hl7Element repetition)
    {
        var p = repetition.Components();
        var id = p[1].Value;
        if (id is null)
        {
            return null;
        }

        return new LabIdentifier
        {
            Value = id,
            AssigningAuthority = Designator(p[4], subcomponents: true),
            TypeCode = Hl7Codes.Intern(p[5]),
            AssigningFacility = Designator(p[6], subcomponents: true),
        };
    }

    /// <summary>EI: id^namespace^universal id^type (as components, or as subcomponents inside EIP).</summary>
    public static LabIdentifier? EntityIdentifier(Hl7Element e, bool subcomponents)
    {
        if (!e.HasValue)
        {
            return null;
        }

        var p = subcomponents ? e.Subcomponents() : e.Components();
        var id = p[1].Value;
        return id is null
            ? null
            : new LabIdentifier { Value = id, AssigningAuthority = Designator(Hl7Codes.Shared(p[2]), Hl7Codes.Shared(p[3]), Hl7Codes.Shared(p[4])) };
    }

    /// <summary>XPN: family(FN: surname&amp;…)^given^middle^suffix^prefix.</summary>
    public static LabPersonName? PersonName(Hl7Element repetition)
    {
        if (!repetition.HasValue)
        {
            return null;
        }

        var p = repetition.Components();
        var family = p[1].Subcomponent(1).Value;
        var given = p[2].Value;
        return family is null && given is null ? null : new LabPersonName(family, given, p[3].Value, p[4].Value, p[5].Value);
    }

    /// <summary>XCN: id^family^given^middle^suffix^prefix^degree^source^authority(HD).</summary>
    public static LabProvider? Provider(Hl7Element repetition)
    {
        if (!repetition.HasValue)
        {
            return null;
        }

        var p = repetition.Components();
        var family = p[2].Subcomponent(1).Value;
        var given = p[3].Value;
        var id = p[1].Value;
        if (id is null && family is null && given is null)
        {
            return null;
        }

        return new LabProvider
        {
            Id = id,
            Name = family is null && given is null ? null : new LabPersonName(family, given, p[4].Value, p[5].Value, p[6].Value),
            AssigningAuthority = Designator(p[9], subcomponents: true),
        };
    }

    /// <summary>XON: name^type^id^check^scheme^authority(HD)^id type^facility^name rep^organization id.</summary>
    public static LabOrganization? Organization(Hl7Element name, Hl7Element address, Hl7Element director)
    {
        if (!name.HasValue && !address.HasValue && !director.HasValue)
        {
            return null;
        }

        var p = name.Components();
        return new LabOrganization
        {
            Name = Hl7Codes.Shared(p[1]),
            Identifier = Hl7Codes.Shared(p[10]) ?? Hl7Codes.Shared(p[3]),
            AssigningAuthority = Designator(p[6], subcomponents: true),
            Address = Address(address),
            Director = Provider(director.Repetition(1)),
        };
    }

    /// <summary>XAD: street(SAD)^other^city^state^zip^country.</summary>
    public static LabAddress? Address(Hl7Element e)
    {
        if (!e.HasValue)
        {
            return null;
        }

        var p = e.Components();
        return new LabAddress(p[1].Subcomponent(1).Value, p[2].Value, Hl7Codes.Shared(p[3]), Hl7Codes.Shared(p[4]), Hl7Codes.Shared(p[5]), Hl7Codes.Shared(p[6]));
    }
}
