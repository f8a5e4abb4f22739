namespace Portal.Core.Labs.Hl7;

/// <summary>Reads HL7 v2 composite data types (HD, CE/CWE, CX, EI, XPN, XCN, XON, XAD) into the lab model.</summary>
internal static class Hl7DataTypes
{
    /// <summary>HD: namespace^universal id^type; <paramref name="e"/> at component level uses subcomponents.</summary>
    public static LabDesignator? Designator(Hl7Element e, bool subcomponents)
    {
        if (!e.HasValue)
        {
            return null;
        }

        string? ns, uid, type;
        if (subcomponents)
        {
            ns = e.Subcomponent(1).Value;
            uid = e.Subcomponent(2).Value;
            type = e.Subcomponent(3).Value;
        }
        else
        {
            ns = e.Component(1).Value;
            uid = e.Component(2).Value;
            type = e.Component(3).Value;
        }

        return ns is null && uid is null && type is null ? null : new LabDesignator(ns, uid, type);
    }

    /// <summary>CE/CWE/CNE on a field repetition.</summary>
    public static LabCode? Code(Hl7Element e)
    {
        if (!e.HasValue)
        {
            return null;
        }

        return new LabCode
        {
            Code = e.Component(1).Value,
            Text = e.Component(2).Value,
            System = e.Component(3).Value,
            AlternateCode = e.Component(4).Value,
            AlternateText = e.Component(5).Value,
            AlternateSystem = e.Component(6).Value,
            OriginalText = e.Component(9).Value,
        };
    }

    /// <summary>CE/CWE written with subcomponents (inside another composite).</summary>
    public static LabCode? CodeFromSubcomponents(Hl7Element component)
    {
        if (!component.HasValue)
        {
            return null;
        }

        return new LabCode
        {
            Code = component.Subcomponent(1).Value,
            Text = component.Subcomponent(2).Value,
            System = component.Subcomponent(3).Value,
            AlternateCode = component.Subcomponent(4).Value,
            AlternateText = component.Subcomponent(5).Value,
            AlternateSystem = component.Subcomponent(6).Value,
            OriginalText = component.Subcomponent(9).Value,
        };
    }

    /// <summary>CX: id^check^scheme^authority(HD)^type^facility(HD).</summary>
    public static LabIdentifier? PatientIdentifier(Hl7Element repetition)
    {
        var id = repetition.Component(1).Value;
        if (id is null)
        {
            return null;
        }

        return new LabIdentifier
        {
            Value = id,
            AssigningAuthority = Designator(repetition.Component(4), subcomponents: true),
            TypeCode = repetition.Component(5).Value,
            AssigningFacility = Designator(repetition.Component(6), subcomponents: true),
        };
    }

    /// <summary>EI: id^namespace^universal id^type (as components, or as subcomponents inside EIP).</summary>
    public static LabIdentifier? EntityIdentifier(Hl7Element e, bool subcomponents)
    {
        if (subcomponents)
        {
            var sid = e.Subcomponent(1).Value;
            return sid is null
                ? null
                : new LabIdentifier
                {
                    Value = sid,
                    AssigningAuthority = Authority(e.Subcomponent(2).Value, e.Subcomponent(3).Value, e.Subcomponent(4).Value),
                };
        }

        var id = e.Component(1).Value;
        return id is null
            ? null
            : new LabIdentifier
            {
                Value = id,
                AssigningAuthority = Authority(e.Component(2).Value, e.Component(3).Value, e.Component(4).Value),
            };
    }

    private static LabDesignator? Authority(string? ns, string? uid, string? type) =>
        ns is null && uid is null && type is null ? null : new LabDesignator(ns, uid, type);

    /// <summary>XPN: family(FN: surname&amp;…)^given^middle^suffix^prefix.</summary>
    public static LabPersonName? PersonName(Hl7Element repetition)
    {
        if (!repetition.HasValue)
        {
            return null;
        }

        var name = new LabPersonName(
            repetition.Component(1, 1).Value,
            repetition.Component(2).Value,
            repetition.Component(3).Value,
            repetition.Component(4).Value,
            repetition.Component(5).Value);
        return name.Family is null && name.Given is null ? null : name;
    }

    /// <summary>XCN: id^family^given^middle^suffix^prefix^degree^source^authority(HD).</summary>
    public static LabProvider? Provider(Hl7Element repetition)
    {
        if (!repetition.HasValue)
        {
            return null;
        }

        var family = repetition.Component(2, 1).Value;
        var given = repetition.Component(3).Value;
        var id = repetition.Component(1).Value;
        if (id is null && family is null && given is null)
        {
            return null;
        }

        return new LabProvider
        {
            Id = id,
            Name = family is null && given is null
                ? null
                : new LabPersonName(family, given, repetition.Component(4).Value, repetition.Component(5).Value, repetition.Component(6).Value),
            AssigningAuthority = Designator(repetition.Component(9), subcomponents: true),
        };
    }

    /// <summary>XON: name^type^id^check^scheme^authority(HD)^id type^facility^name rep^organization id.</summary>
    public static LabOrganization? Organization(Hl7Element name, Hl7Element address, Hl7Element director)
    {
        if (!name.HasValue && !address.HasValue && !director.HasValue)
        {
            return null;
        }

        return new LabOrganization
        {
            Name = name.Component(1).Value,
            Identifier = name.Component(10).Value ?? name.Component(3).Value,
            AssigningAuthority = Designator(name.Component(6), subcomponents: true),
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

        return new LabAddress(
            e.Component(1, 1).Value,
            e.Component(2).Value,
            e.Component(3).Value,
            e.Component(4).Value,
            e.Component(5).Value,
            e.Component(6).Value);
    }
}
