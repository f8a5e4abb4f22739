using System.Globalization;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Patients;
using Portal.Core.Profile;

namespace Portal.Azure.Patients;

/// <summary>
/// The patient index in <c>Lookups</c>, written at registration and read by search: PartitionKey <c>mrn</c> with
/// RowKey = the upper-cased MRN, and PartitionKey <c>name|{yyyy-MM-dd}</c> (the birth date) with RowKey
/// <c>{folded family},{folded given},{patientId}</c>. Both rows carry what a search result shows, so a search
/// reads no chart.
/// </summary>
internal static class PatientIndexRows
{
    public const string MrnPartition = "mrn";

    // Folded names hold only letters and digits (no character TableKeys escapes), and ',' sorts below all of
    // them, so a family-name prefix is a plain RowKey range and "Nun" lists before "Nunez".
    private const char Separator = ',';

    public static string MrnRow(string mrn) => TableKeys.Encode(mrn.ToUpperInvariant());

    public static string NamePartition(DateOnly birthDate) => "name|" + birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string NameRow(FoundPatient patient) =>
        $"{NameFolding.Fold(patient.FamilyName)}{Separator}{NameFolding.Fold(patient.GivenName)}{Separator}{TableKeys.Encode(patient.PatientId)}";

    public static FoundPatient Found(PatientProfile profile) =>
        new(profile.PatientId, profile.GivenName, profile.FamilyName, profile.BirthDate, profile.Mrn);

    public static TableEntity MrnEntity(FoundPatient patient) => WithFields(new TableEntity(MrnPartition, MrnRow(patient.Mrn)), patient);

    public static TableEntity NameEntity(FoundPatient patient) => WithFields(new TableEntity(NamePartition(patient.BirthDate), NameRow(patient)), patient);

    /// <summary>The patient an index row shows; null for an MRN row written before rows carried names (it has only the id).</summary>
    public static FoundPatient? ToFound(TableEntity entity) =>
        entity.GetString("FamilyName") is { } familyName && entity.GetString("BirthDate") is { } birthDate
            ? new FoundPatient(
                entity.GetString("PatientId"),
                entity.GetString("GivenName") ?? "",
                familyName,
                DateOnly.ParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                entity.GetString("Mrn") ?? "")
            : null;

    private static TableEntity WithFields(TableEntity entity, FoundPatient patient)
    {
        entity["PatientId"] = patient.PatientId;
        entity["GivenName"] = patient.GivenName;
        entity["FamilyName"] = patient.FamilyName;
        entity["BirthDate"] = patient.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        entity["Mrn"] = patient.Mrn;
        return entity;
    }
}
