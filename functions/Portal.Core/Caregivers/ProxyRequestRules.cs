using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Profile;

namespace Portal.Core.Caregivers;

/// <summary>What a proxy request and its documents must be.</summary>
public static class ProxyRequestRules
{
    /// <summary>Where the documents' bytes live.</summary>
    public const string Container = "proxy-requests";

    /// <summary>Largest document.</summary>
    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>Most documents per request.</summary>
    public const int MaxDocuments = 10;

    /// <summary>Longest explanation or denial reason.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The formats accepted (scans and photos of papers).</summary>
    public static IReadOnlyList<FileFormat> Formats { get; } = [FileFormat.Pdf, FileFormat.Jpeg, FileFormat.Png, FileFormat.Heic];

    /// <summary>The kinds of document.</summary>
    public static IReadOnlyList<string> DocumentKinds { get; } = ["power-of-attorney", "guardianship", "birth-certificate", "other"];

    /// <summary>Where a document is stored: never named after the uploaded file.</summary>
    public static FileLocation Location(string requestId, string documentId) => new(Container, $"{requestId}/{documentId}");

    /// <summary>The field errors of a new request (empty when fine) and its scopes.</summary>
    public static (Dictionary<string, string[]> Errors, IReadOnlyList<string> Scopes) Check(NewProxyRequest request, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "requesterName", request.RequesterName, 100);
        Text(errors, "patientName", request.PatientName, 100);
        if (request.PatientBirthDate is not { } born || born > today)
        {
            errors["patientBirthDate"] = ["The patient's date of birth, not in the future."];
        }

        if (request.Basis is not ("minor" or "incapacity"))
        {
            errors["basis"] = ["minor (a child in your care) or incapacity (an adult who cannot decide)."];
        }

        if (CaregiverRelationships.Parse(request.Relationship) is { Succeeded: false } relationship)
        {
            errors["relationship"] = [.. relationship.Failure.Errors!["relationship"]];
        }

        if (request.Email is { } email && !ContactRules.IsEmail(email))
        {
            errors["email"] = ["Not an e-mail address."];
        }

        if (request.Phone is { } phone && !ContactRules.IsE164(phone))
        {
            errors["phone"] = ["A mobile number in E.164 form, e.g. +15555550123."];
        }

        if (request.Explanation is { Length: > MaxTextLength })
        {
            errors["explanation"] = [$"At most {MaxTextLength} characters."];
        }

        if (request.PatientMrn is { Length: > 40 })
        {
            errors["patientMrn"] = ["At most 40 characters."];
        }

        var scopes = GrantScopes.Parse(request.Scopes);
        if (!scopes.Succeeded)
        {
            errors["scopes"] = [.. scopes.Failure.Errors!["scopes"]];
        }

        return (errors, scopes.Succeeded ? scopes.Value : []);
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors[field] = [$"1 to {max} characters."];
        }
    }
}
