using System.Globalization;
using System.Text;

namespace Portal.IntegrationTests.Labs;

/// <summary>HL7 v2 ORU^R01 and FHIR lab messages for tests, each with a unique control id, from the test portal's configured lab.</summary>
public static class LabMessages
{
    /// <summary>One patient of a message.</summary>
    public sealed record Patient(string Mrn, string Family, string Given, DateOnly BirthDate, string Authority = TestPortal.LabMrnAuthority);

    /// <summary>One order of a message.</summary>
    public sealed record Order(string OrderNumber, string TestCode, string TestName, string Status, IReadOnlyList<(string Loinc, string Name, string Value, string Unit, string Range, string Flag)> Observations, string ServiceSection = "");

    /// <summary>A unique MSH-10.</summary>
    public static string NewControlId() => $"T{Guid.NewGuid():N}"[..20];

    /// <summary>An ORU^R01 with the given patients and their orders, segments ending in CR.</summary>
    public static string Oru(string controlId, params (Patient Patient, Order[] Orders)[] patients)
    {
        var sb = new StringBuilder();
        sb.Append($"MSH|^~\\&|LabSys^{TestPortal.LabFacility}^CLIA|Test Lab^{TestPortal.LabFacility}^CLIA|Portal|Clinic|20250301101500||ORU^R01^ORU_R01|{controlId}|P|2.5.1\r");
        var setId = 1;
        foreach (var (patient, orders) in patients)
        {
            sb.Append($"PID|{setId++}||{patient.Mrn}^^^{patient.Authority}^MR||{patient.Family}^{patient.Given}||{patient.BirthDate:yyyyMMdd}|F\r");
            var obr = 1;
            foreach (var order in orders)
            {
                sb.Append($"ORC|RE||{order.OrderNumber}^LAB\r");
                sb.Append($"OBR|{obr++}||{order.OrderNumber}^LAB|{order.TestCode}^{order.TestName}^LN|||20250301083000|||||||||1234^Chen^Ana||||||20250301101000|||{order.Status}\r");
                if (order.ServiceSection.Length > 0)
                {
                    // OBR-24 is before OBR-25: rewrite the last OBR with the section.
                    var text = sb.ToString();
                    var at = text.LastIndexOf("OBR|", StringComparison.Ordinal);
                    var fields = text[at..].TrimEnd('\r').Split('|');
                    fields[24] = order.ServiceSection;
                    sb.Length = at;
                    sb.Append(string.Join('|', fields)).Append('\r');
                }

                var obx = 1;
                foreach (var (loinc, name, value, unit, range, flag) in order.Observations)
                {
                    var type = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? "NM" : "ST";
                    sb.Append($"OBX|{obx++}|{type}|{loinc}^{name}^LN||{value}|{unit}^^UCUM|{range}|{flag}|||{order.Status}|||20250301083000|||||||||Test Lab^L^^^^CLIA&{TestPortal.LabFacility}&CLIA^XX^^^{TestPortal.LabFacility}|100 Main St^^Denver^CO^80202\r");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>A lipid panel with a high LDL.</summary>
    public static Order Lipids(string orderNumber, string status = "F", string ldl = "162", string ldlFlag = "H") => new(orderNumber, "57698-3", "Lipid panel", status,
    [
        ("2093-3", "Cholesterol", "231", "mg/dL", "<200", "H"),
        ("2571-8", "Triglyceride", "140", "mg/dL", "<150", "N"),
        ("2085-9", "HDL Cholesterol", "48", "mg/dL", ">=40", "N"),
        ("13457-7", "LDL Cholesterol (calc)", ldl, "mg/dL", "<130", ldlFlag),
    ]);

    /// <summary>An HbA1c.</summary>
    public static Order HbA1c(string orderNumber, string value, string flag = "") =>
        new(orderNumber, "4548-4", "Hemoglobin A1c", "F", [("4548-4", "Hemoglobin A1c", value, "%", "4.0-5.6", flag)]);

    /// <summary>A report with <paramref name="count"/> observations (more than one transaction holds).</summary>
    public static Order Large(string orderNumber, int count) => new(orderNumber, "24323-8", "Comprehensive panel", "F",
        [.. Enumerable.Range(1, count).Select(i => ($"{1000 + i}-{i % 10}", $"Analyte {i}", (i % 50 + 1).ToString(CultureInfo.InvariantCulture), "mg/dL", "1-100", ""))]);
}
