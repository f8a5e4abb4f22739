namespace Portal.Core.Labs.Hl7;

/// <summary>Short table codes as shared strings, so that common codes cost no allocation per message.</summary>
internal static class Hl7Codes
{
    public static string? Intern(Hl7Element e)
    {
        if (!e.HasValue)
        {
            return null;
        }

        return e.Raw switch
        {
            "F" => "F",
            "P" => "P",
            "C" => "C",
            "X" => "X",
            "R" => "R",
            "I" => "I",
            "A" => "A",
            "N" => "N",
            "L" => "L",
            "H" => "H",
            "LL" => "LL",
            "HH" => "HH",
            "AA" => "AA",
            "NM" => "NM",
            "SN" => "SN",
            "ST" => "ST",
            "TX" => "TX",
            "FT" => "FT",
            "CE" => "CE",
            "CWE" => "CWE",
            "DT" => "DT",
            "TS" => "TS",
            "DTM" => "DTM",
            "POS" => "POS",
            "NEG" => "NEG",
            "M" => "M",
            "U" => "U",
            "LN" => "LN",
            "1" => "1",
            "2" => "2",
            "3" => "3",
            _ => e.Value,
        };
    }
}
