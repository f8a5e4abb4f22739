namespace Portal.Core.Record.Amendments;

/// <summary>
/// The clinic's words in a denial (section <c>Amendments</c>): the rule requires them in every denial, so they have
/// plain-language defaults; the complaints contact's title and phone come from here (or the clinic's phone).
/// </summary>
public sealed class AmendmentOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Amendments";

    /// <summary>The right to file a statement of disagreement, and how.</summary>
    public string DisagreementRights { get; set; } =
        "You have the right to disagree with this decision in writing. File a statement of disagreement in the patient portal under this request, " +
        "or give or mail it to our {contact}. We will add it to your record, and it will go with any future disclosure of the information your request is about.";

    /// <summary>That, without a statement, the request and the denial may accompany future disclosures.</summary>
    public string FutureDisclosures { get; set; } =
        "If you do not file a statement of disagreement, you may ask us to include your request and this denial with any future disclosure of the information your request is about.";

    /// <summary>How to complain to the clinic and to the Secretary of HHS.</summary>
    public string Complaints { get; set; } =
        "You may complain about this decision to our {contact}{phone}. You may also complain to the Secretary of the U.S. Department of Health and Human Services, " +
        "Office for Civil Rights, online at https://ocrportal.hhs.gov/ocr/ or by calling 1-800-368-1019.";

    /// <summary>The title (or name) of the person who receives complaints (45 CFR 164.530(d)).</summary>
    public string ContactTitle { get; set; } = "Privacy Officer";

    /// <summary>Their phone number; the clinic's phone (<c>Clinic:Phone</c>) when empty.</summary>
    public string ContactPhone { get; set; } = "";
}
