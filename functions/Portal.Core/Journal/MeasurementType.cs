namespace Portal.Core.Journal;

/// <summary>The measurements a patient can take at home and log.</summary>
public enum MeasurementType
{
    /// <summary>Blood pressure (systolic and diastolic, optionally the pulse the cuff shows).</summary>
    BloodPressure,

    /// <summary>Body weight.</summary>
    Weight,

    /// <summary>Blood glucose from a finger-stick meter.</summary>
    Glucose,

    /// <summary>Body temperature.</summary>
    Temperature,

    /// <summary>Peak expiratory flow from a peak-flow meter.</summary>
    PeakFlow,
}
