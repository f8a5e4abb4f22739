using Portal.Core.Access;

namespace Portal.IntegrationTests.Caregivers;

/// <summary>
/// One row per HTTP function: what a patient-data endpoint asks the access policy (category, read or write) and a
/// request that reaches the gate, or why an endpoint is not patient data and where its callers are tested.
/// <see cref="AuthorizationMatrixTests"/> fails for a function without a row, so a new endpoint is one line here.
/// Paths use <c>{patientId}</c> (the test's patient) and any other <c>{name}</c> (a fresh id nobody has).
/// </summary>
internal static class EndpointAccessRows
{
    /// <summary>A patient-data endpoint: the permission the gate asks for and a request that reaches the gate.</summary>
    /// <param name="Function">The <c>[Function]</c> name.</param>
    /// <param name="Permission">What the endpoint asks the policy.</param>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="Path">The path after <c>/api/</c>, with placeholders.</param>
    /// <param name="Body">A JSON body valid enough to reach the gate, if the method carries one.</param>
    /// <param name="Side">Who a feature rule lets through after the gate: everyone the policy allows, only the patient's side, or only staff.</param>
    /// <param name="IfMatch">An If-Match to send (a stale one: allowed callers get 412, which is past the gate).</param>
    /// <param name="ContentType">The body's media type.</param>
    internal sealed record PatientData(
        string Function, Permission Permission, string Method, string Path, string? Body = null, Side Side = Side.Any, string? IfMatch = null, string ContentType = "application/json");

    /// <summary>Not a chart endpoint: why, and which test covers who may call it.</summary>
    internal sealed record Elsewhere(string Function, string Why);

    /// <summary>Who gets past a feature's own rule after the policy's gate.</summary>
    internal enum Side
    {
        /// <summary>Everyone the policy allows.</summary>
        Any,

        /// <summary>The patient and caregivers only (staff get 403 from the feature).</summary>
        Patient,

        /// <summary>The patient only (caregivers and staff get 403).</summary>
        Self,

        /// <summary>Staff only (the patient and caregivers get 403 from the feature).</summary>
        Staff,
    }

    private static Permission R(DataCategory category) => Permission.Read(category);

    private static Permission W(DataCategory category) => Permission.Change(category);

    private const string Stale = "W/\"stale\"";

    // The smallest body that is a PDF by its bytes.
    private const string Pdf = "%PDF-1.4\n%matrix\n";

    /// <summary>Every patient-data endpoint.</summary>
    public static IReadOnlyList<PatientData> PatientEndpoints { get; } =
    [
        // Profile, notifications, access log
        new("GetProfile", R(DataCategory.Profile), "GET", "patients/{patientId}/profile"),
        new("ChangeProfile", W(DataCategory.Profile), "PATCH", "patients/{patientId}/profile", "{}", IfMatch: Stale, ContentType: "application/merge-patch+json"),
        new("ListNotifications", R(DataCategory.Profile), "GET", "patients/{patientId}/notifications"),
        new("GetNotificationPreferences", R(DataCategory.Profile), "GET", "patients/{patientId}/notification-preferences"),
        new("ChangeNotificationPreferences", W(DataCategory.Profile), "PUT", "patients/{patientId}/notification-preferences", """{"channels":[{"kind":"newResult","channel":"email"}],"quietHoursStart":"22:00:00","quietHoursEnd":"07:00:00","dailyDigest":true}""", IfMatch: Stale),
        new("ListAccessLog", R(DataCategory.AccessLog), "GET", "patients/{patientId}/access-log"),
        new("ReissueActivationCode", W(DataCategory.Activation), "POST", "patients/{patientId}/activation-code"),

        // Caregivers (this feature)
        new("ListCaregivers", R(DataCategory.Proxies), "GET", "patients/{patientId}/proxies"),
        new("InviteCaregiver", W(DataCategory.Proxies), "POST", "patients/{patientId}/proxies/invitations",
            """{"caregiverName":"Matrix Carer","relationship":"friend","email":"carer@example.org","phone":null,"preferredLanguage":null,"scopes":["appointments.read"],"accessEndsOn":null,"codeWord":null}""", Side.Self),
        new("CancelCaregiverInvitation", W(DataCategory.Proxies), "DELETE", "patients/{patientId}/proxies/invitations/{invitationId}"),
        new("ChangeCaregiverGrant", W(DataCategory.Proxies), "PATCH", "patients/{patientId}/proxies/{grantId}", """{"scopes":["appointments.read"],"accessEndsOn":null,"removeEndDate":false}""", IfMatch: Stale),
        new("RevokeCaregiverGrant", W(DataCategory.Proxies), "DELETE", "patients/{patientId}/proxies/{grantId}"),

        // Record
        new("GetRecordSummary", R(DataCategory.Records), "GET", "patients/{patientId}/record"),
        new("ListRecordSection", R(DataCategory.Records), "GET", "patients/{patientId}/record/allergies"),
        new("GetVisit", R(DataCategory.Records), "GET", "patients/{patientId}/visits/{visitId}"),
        new("CreateVisit", W(DataCategory.Records), "POST", "patients/{patientId}/visits", """{"start":"2026-02-27T09:30:00-06:00","end":null,"type":"Office visit","class":null,"provider":null,"location":null,"reason":null,"diagnoses":null,"summary":"Matrix.","instructions":null,"followUps":null}""", Side.Staff),
        new("UpdateVisit", W(DataCategory.Records), "PUT", "patients/{patientId}/visits/{visitId}", """{"start":"2026-02-27T09:30:00-06:00","end":null,"type":"Office visit","class":null,"provider":null,"location":null,"reason":null,"diagnoses":null,"summary":"Matrix.","instructions":null,"followUps":null}""", Side.Staff, Stale),
        new("AddMedication", W(DataCategory.Records), "POST", "patients/{patientId}/medications", """{"name":"Amlodipine 5 MG Oral Tablet","rxNormCode":"197361","doseInstructions":"1 tablet daily","prescriber":null,"start":"2026-02-27","end":null,"refillsRemaining":3,"daysSupply":30,"quantity":null}""", Side.Staff),
        new("EndMedication", W(DataCategory.Records), "POST", "patients/{patientId}/medications/{medicationId}/end", """{"status":"stopped"}""", Side.Staff, Stale),
        new("UploadDocument", W(DataCategory.Records), "POST", "patients/{patientId}/documents?fileName=letter.pdf&title=Letter&kind=letter", Pdf, Side.Staff, ContentType: "application/pdf"),
        new("LinkDocument", R(DataCategory.Records), "GET", "patients/{patientId}/documents/{documentId}/content"),
        new("ExportRecord", R(DataCategory.Records), "POST", "patients/{patientId}/record/export"),
        new("RequestAmendment", W(DataCategory.Amendments), "POST", "patients/{patientId}/amendments", """{"whatIsWrong":"Wrong pharmacy.","shouldSay":"Walgreens on Clark St."}""", Side.Patient),
        new("ListAmendments", R(DataCategory.Amendments), "GET", "patients/{patientId}/amendments"),
        new("ReadAmendment", R(DataCategory.Amendments), "GET", "patients/{patientId}/amendments/{requestId}"),
        new("AcceptAmendment", W(DataCategory.Amendments), "POST", "patients/{patientId}/amendments/{requestId}/accept", """{"note":"n"}""", Side.Staff, Stale),
        new("DenyAmendment", W(DataCategory.Amendments), "POST", "patients/{patientId}/amendments/{requestId}/deny", """{"ground":"accurateAndComplete","basis":"Confirmed."}""", Side.Staff, Stale),
        new("ExtendAmendment", W(DataCategory.Amendments), "POST", "patients/{patientId}/amendments/{requestId}/extend", """{"reason":"Waiting for records."}""", Side.Staff, Stale),
        new("FileDisagreement", W(DataCategory.Amendments), "POST", "patients/{patientId}/amendments/{requestId}/disagreement", """{"statement":"It was a rash."}""", Side.Patient, Stale),

        // Results
        new("ListResults", R(DataCategory.Results), "GET", "patients/{patientId}/results"),
        new("ReadResult", R(DataCategory.Results), "GET", "patients/{patientId}/results/{resultId}"),
        new("ResultTrend", R(DataCategory.Results), "GET", "patients/{patientId}/results/trends?code=2345-7"),
        new("ResultTrendChart", R(DataCategory.Results), "GET", "patients/{patientId}/results/trends.svg?code=2345-7"),
        new("HoldResult", W(DataCategory.Results), "POST", "patients/{patientId}/results/{resultId}/hold", $$"""{"reason":"Discuss first.","until":"{{DateTimeOffset.UtcNow.AddDays(3):O}}"}""", Side.Staff),
        new("ReleaseResult", W(DataCategory.Results), "POST", "patients/{patientId}/results/{resultId}/release", """{"comment":"Fine."}""", Side.Staff),
        new("GetResultHoldChoices", R(DataCategory.Results), "GET", "patients/{patientId}/results/hold-preferences"),
        new("ChangeResultHoldChoices", W(DataCategory.Results), "PUT", "patients/{patientId}/results/hold-preferences", """{"holds":[{"category":"pathology","days":7}]}""", Side.Patient, Stale),

        // Messages
        new("ListThreads", R(DataCategory.Messages), "GET", "patients/{patientId}/threads"),
        new("StartThread", W(DataCategory.Messages), "POST", "patients/{patientId}/threads", """{"pool":"care-team","subject":"Matrix","message":"Hello"}""", Side.Patient),
        new("ReadThread", R(DataCategory.Messages), "GET", "patients/{patientId}/threads/{threadId}"),
        new("ReplyToThread", W(DataCategory.Messages), "POST", "patients/{patientId}/threads/{threadId}/messages", """{"message":"Hello"}"""),
        new("AssignThread", W(DataCategory.Messages), "POST", "patients/{patientId}/threads/{threadId}/assign", """{"assignee":"dr-chen"}""", Side.Staff),
        new("CloseThread", W(DataCategory.Messages), "POST", "patients/{patientId}/threads/{threadId}/close", Side: Side.Staff),
        new("UploadAttachment", W(DataCategory.Messages), "POST", "patients/{patientId}/attachments?fileName=scan.pdf", Pdf, ContentType: "application/pdf"),
        new("DownloadAttachment", R(DataCategory.Messages), "GET", "patients/{patientId}/threads/{threadId}/attachments/{attachmentId}"),

        // Appointments
        new("BookAppointment", W(DataCategory.Appointments), "POST", "patients/{patientId}/appointments", """{"visitTypeId":"follow-up","providerId":"dr-matrix","start":"2030-01-07T15:00:00Z","reason":"Matrix"}"""),
        new("ListAppointments", R(DataCategory.Appointments), "GET", "patients/{patientId}/appointments"),
        new("GetAppointment", R(DataCategory.Appointments), "GET", "patients/{patientId}/appointments/{appointmentId}"),
        new("CancelAppointment", W(DataCategory.Appointments), "POST", "patients/{patientId}/appointments/{appointmentId}/cancel"),
        new("RescheduleAppointment", W(DataCategory.Appointments), "POST", "patients/{patientId}/appointments/{appointmentId}/reschedule", """{"start":"2030-01-07T15:00:00Z","providerId":null}"""),
        new("ApproveAppointment", W(DataCategory.Appointments), "POST", "patients/{patientId}/appointments/{appointmentId}/approve"),
        new("DeclineAppointment", W(DataCategory.Appointments), "POST", "patients/{patientId}/appointments/{appointmentId}/decline", """{"reason":"Labs first."}"""),
        new("MarkAttendance", W(DataCategory.Appointments), "POST", "patients/{patientId}/appointments/{appointmentId}/attendance", """{"status":"noShow"}"""),
        new("GetAppointmentCalendar", R(DataCategory.Appointments), "GET", "patients/{patientId}/appointments/{appointmentId}/calendar.ics"),
        new("CreateCalendarFeed", W(DataCategory.Appointments), "POST", "patients/{patientId}/calendar-feed", Side: Side.Patient),
        new("RevokeCalendarFeed", W(DataCategory.Appointments), "DELETE", "patients/{patientId}/calendar-feed", Side: Side.Patient),

        // Billing
        new("GetBilling", R(DataCategory.Billing), "GET", "patients/{patientId}/billing"),
        new("ListBillingActivity", R(DataCategory.Billing), "GET", "patients/{patientId}/billing/activity"),
        new("PostLedgerEntry", W(DataCategory.Billing), "POST", "patients/{patientId}/billing/entries", """{"kind":"insurancePayment","amount":"50.00","reason":"ERA"}""", Side.Staff),
        new("ListStatements", R(DataCategory.Billing), "GET", "patients/{patientId}/billing/statements"),
        new("GetStatement", R(DataCategory.Billing), "GET", "patients/{patientId}/billing/statements/{statementId}"),
        new("GetStatementPdf", R(DataCategory.Billing), "GET", "patients/{patientId}/billing/statements/{statementId}/pdf"),
        new("GetPaymentPlan", R(DataCategory.Billing), "GET", "patients/{patientId}/billing/plan"),
        new("StartPaymentPlan", W(DataCategory.Billing), "POST", "patients/{patientId}/billing/plan", """{"instalments":2}""", Side.Patient),
        new("StartPayment", W(DataCategory.Billing), "POST", "patients/{patientId}/billing/payments", """{"amount":"20.00"}""", Side.Patient),
        new("RefundCardPayment", W(DataCategory.Billing), "POST", "patients/{patientId}/billing/refunds", """{"entryId":"1","amount":"1.00","reason":"Count"}""", Side.Staff),
        new("ListClaims", R(DataCategory.Billing), "GET", "patients/{patientId}/billing/claims"),
        new("SaveClaim", W(DataCategory.Billing), "PUT", "patients/{patientId}/billing/claims/{claimId}", """{"visitId":"visit-1","serviceDate":"2026-01-05","payer":"Aetna","status":"submitted","submitted":"100.00"}""", Side.Staff),
    ];

    /// <summary>Every other HTTP function, with where its callers are tested.</summary>
    public static IReadOnlyList<Elsewhere> OtherEndpoints { get; } =
    [
        new("Health", "anonymous liveness, no data (HealthAndCorsTests)"),
        new("OpenApiDocument", "the API's description (OpenApiDocumentTests)"),
        new("IssueDevToken", "development only (AuthenticationTests)"),
        new("ListDevOutbox", "development only (DevelopmentOutboxTests)"),
        new("SendDevInboundSms", "development only (inbound SMS tests)"),
        new("CompleteDevPayment", "development only (billing tests)"),
        new("GetMe", "the caller's own links (ActivationAndProfileTests, CaregiverStoryTests)"),
        new("ActivateAccount", "redeems a code with the patient's birth date (ActivationAndProfileTests)"),
        new("GetMyContact", "the caller's own contact (CaregiverNoticeTests)"),
        new("ChangeMyContact", "the caller's own contact (CaregiverNoticeTests)"),
        new("RedeemCaregiverInvitation", "redeems a code with the patient's birth date or code word (CaregiverStoryTests)"),
        new("EndMyCaregiverAccess", "the caller's own grant; 404 without one (CaregiverStoryTests)"),
        new("FileProxyRequest", "anyone signed in files a request (ProxyRequestTests)"),
        new("AddProxyRequestDocument", "the requester only (ProxyRequestTests)"),
        new("ReadProxyRequest", "the requester and reviewers (ProxyRequestTests)"),
        new("DownloadProxyRequestDocument", "the requester and reviewers (ProxyRequestTests)"),
        new("ListProxyRequests", "reviewers only (ProxyRequestTests)"),
        new("DecideProxyRequest", "reviewers only; the grant goes through the patient's gate (ProxyRequestTests)"),
        new("RegisterPatient", "staff registration (ActivationAndProfileTests)"),
        new("SearchPatients", "the patient index, staff only (PatientIndexAuthorizationTests)"),
        new("ListInbox", "staff pools (MessagingAuthorizationTests)"),
        new("ListOpenAmendments", "the clinic's amendment queue (RecordRequestsAuthorizationTests)"),
        new("PushRecordBundle", "Records.Push systems (record push tests)"),
        new("PushLabResults", "Lab.Push systems (lab ingestion tests)"),
        new("ListUnmatchedLabResults", "clinicians and administrators (unmatched results tests)"),
        new("MatchUnmatchedLabResult", "clinicians and administrators (unmatched results tests)"),
        new("RejectUnmatchedLabResult", "clinicians and administrators (unmatched results tests)"),
        new("FhirMetadata", "anonymous CapabilityStatement (FhirApiTests)"),
        new("SmartConfiguration", "anonymous SMART discovery (FhirApiTests)"),
        new("SearchFhirResources", "per patient and category through the same gate, SMART scopes on top (FhirAuthorizationTests)"),
        new("ReadFhirResource", "per patient and category through the same gate, SMART scopes on top (FhirAuthorizationTests)"),
        new("ReceiveCommunicationEvents", "Event Grid, signed (CommunicationEventsTests)"),
        new("GetClinicSetup", "the clinic's setup, anyone signed in (SchedulingAuthorizationTests)"),
        new("SaveProvider", "scheduling setup (SchedulingAuthorizationTests)"),
        new("SaveLocation", "scheduling setup (SchedulingAuthorizationTests)"),
        new("SaveVisitType", "scheduling setup (SchedulingAuthorizationTests)"),
        new("SaveTemplate", "scheduling setup (SchedulingAuthorizationTests)"),
        new("DeleteTemplate", "scheduling setup (SchedulingAuthorizationTests)"),
        new("SaveException", "scheduling setup (SchedulingAuthorizationTests)"),
        new("DeleteException", "scheduling setup (SchedulingAuthorizationTests)"),
        new("FindSlots", "open slots, anyone signed in (SchedulingAuthorizationTests)"),
        new("ListAppointmentRequests", "staff queue (SchedulingAuthorizationTests)"),
        new("ViewProviderDays", "staff day view (SchedulingAuthorizationTests)"),
        new("CalendarFeed", "a secret feed token, no sign-in (calendar tests)"),
        new("ListEstimates", "price estimates, no patient data (billing tests)"),
        new("ImportClaims", "billing office import (billing tests)"),
        new("ReceiveStripeEvent", "Stripe webhook, signed (billing webhook tests)"),
        new("ViewPayLink", "a secret pay-link token (billing tests)"),
        new("CheckoutPayLink", "a secret pay-link token (billing tests)"),
    ];

    /// <summary>
    /// Endpoints built in parallel with this matrix, each called by its feature's own table as the patient, caregivers
    /// with and without the scope, each staff role and a stranger (the named test). Moving them into
    /// <see cref="PatientEndpoints"/> is the next step; until then a patient route may be here instead.
    /// </summary>
    public static IReadOnlyList<(string Function, string Test)> FeatureMatrixEndpoints { get; } =
    [
        ("ApproveRefillRequest", "PrescriptionAuthorizationTests"),
        ("CancelRefillRequest", "PrescriptionAuthorizationTests"),
        ("DecideRefillBatch", "PrescriptionAuthorizationTests"),
        ("DenyRefillRequest", "PrescriptionAuthorizationTests"),
        ("ListMedications", "PrescriptionAuthorizationTests"),
        ("ListPharmacies", "PrescriptionAuthorizationTests"),
        ("ListRefillRequests", "PrescriptionAuthorizationTests"),
        ("ListReportedItems", "PrescriptionAuthorizationTests"),
        ("ReadRefillRequest", "PrescriptionAuthorizationTests"),
        ("ReconcileReportedItem", "PrescriptionAuthorizationTests"),
        ("ReconciliationQueue", "PrescriptionAuthorizationTests"),
        ("RefillNeedsVisit", "PrescriptionAuthorizationTests"),
        ("RefillQueue", "PrescriptionAuthorizationTests"),
        ("ReportAllergy", "PrescriptionAuthorizationTests"),
        ("ReportMedication", "PrescriptionAuthorizationTests"),
        ("RequestRefill", "PrescriptionAuthorizationTests"),
        ("ReviewRefillRequest", "PrescriptionAuthorizationTests"),
        ("StopReportedItem", "PrescriptionAuthorizationTests"),
        ("CheckInOnline", "SchedulingAuthorizationTests"),
        ("GetCheckIn", "SchedulingAuthorizationTests"),
        ("JoinWaitlist", "SchedulingAuthorizationTests"),
        ("LeaveWaitlist", "SchedulingAuthorizationTests"),
        ("ListWaitlist", "SchedulingAuthorizationTests"),
        ("AddJournalEntry", "JournalAuthorizationTests"),
        ("AddVisitQuestion", "JournalAuthorizationTests"),
        ("ChangeVisitQuestion", "JournalAuthorizationTests"),
        ("ConfirmSection", "JournalAuthorizationTests"),
        ("DeleteJournalEntry", "JournalAuthorizationTests"),
        ("DeleteVisitQuestion", "JournalAuthorizationTests"),
        ("EditJournalEntry", "JournalAuthorizationTests"),
        ("GetSelfCheck", "JournalAuthorizationTests"),
        ("ListJournal", "JournalAuthorizationTests"),
        ("ListJournalShares", "JournalAuthorizationTests"),
        ("ListVisitQuestions", "JournalAuthorizationTests"),
        ("ReadJournalEntry", "JournalAuthorizationTests"),
        ("ShareJournal", "JournalAuthorizationTests"),
    ];
}
