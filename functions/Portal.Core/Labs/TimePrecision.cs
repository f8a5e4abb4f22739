namespace Portal.Core.Labs;

/// <summary>How precise a clinical time is, as sent (HL7 v2 DTM/TS or FHIR dateTime).</summary>
public enum TimePrecision
{
    /// <summary>Only the year is known (<c>YYYY</c>).</summary>
    Year,

    /// <summary>Year and month (<c>YYYYMM</c>).</summary>
    Month,

    /// <summary>A calendar date (<c>YYYYMMDD</c>).</summary>
    Day,

    /// <summary>Date and hour (<c>YYYYMMDDHH</c>).</summary>
    Hour,

    /// <summary>Date, hour and minute (<c>YYYYMMDDHHMM</c>).</summary>
    Minute,

    /// <summary>Whole seconds (<c>YYYYMMDDHHMMSS</c>).</summary>
    Second,

    /// <summary>Fractions of a second (<c>YYYYMMDDHHMMSS.SSSS</c>).</summary>
    Fraction,
}
