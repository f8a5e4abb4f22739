using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using FhirCarePlan = Hl7.Fhir.Model.CarePlan;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// A care plan as a FHIR <c>CarePlan</c> (intent <c>plan</c>, category <c>assess-plan</c>) meeting US Core's profile,
/// whose narrative is the plan as the patient reads it: the summary, the goals and the activities (the record keeps
/// them as lines, not as Goal resources or coded activities).
/// </summary>
public static class CarePlanResource
{
    /// <summary>US Core CarePlan.</summary>
    public const string Profile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan";

    /// <summary>US Core's care plan categories.</summary>
    public const string CategorySystem = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category";

    /// <summary>The resource.</summary>
    public static FhirCarePlan From(RecordItem item, CarePlan plan, FhirContext context) => new()
    {
        Id = item.ItemId,
        Meta = FhirResources.Meta(item, Profile),
        Text = new Narrative { Status = Narrative.NarrativeStatus.Additional, Div = PlanText(plan) },
        Identifier = FhirResources.Identifiers(item),
        Status = item.Status == RecordStatus.EnteredInError ? RequestStatus.EnteredInError : plan.Status switch
        {
            CarePlanStatus.Active => RequestStatus.Active,
            CarePlanStatus.OnHold => RequestStatus.OnHold,
            CarePlanStatus.Completed => RequestStatus.Completed,
            _ => RequestStatus.Revoked,
        },
        Intent = FhirCarePlan.CarePlanIntent.Plan,
        Category =
        [
            FhirResources.Coded(CategorySystem, "assess-plan", "Assessment and Plan of Treatment"),
            .. plan.Categories.Where(c => !(c.System == CategorySystem && c.Code == "assess-plan")).Select(c => FhirResources.Concept([c], null)),
        ],
        Title = plan.Title,
        Description = plan.Summary,
        Subject = FhirResources.Patient(item.PatientId),
        Encounter = FhirResources.Encounter(item),
        Period = plan.Start is null && plan.End is null ? null : new Period { Start = FhirResources.DateTimeText(plan.Start, context), End = FhirResources.DateTimeText(plan.End, context) },
        Author = FhirResources.Named(plan.Author),
    };

    // XHTML as FHIR narratives allow it: a div with paragraphs and lists, every text escaped.
    private static string PlanText(CarePlan plan)
    {
        var div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        div.Append("<p><b>").Append(Escape(plan.Title)).Append("</b></p>");
        div.Append("<p>").Append(Escape(plan.Summary)).Append("</p>");
        List(div, "Goals", plan.Goals);
        List(div, "Activities", plan.Activities);
        return div.Append("</div>").ToString();
    }

    private static void List(StringBuilder div, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        div.Append("<p>").Append(title).Append("</p><ul>");
        foreach (var line in lines)
        {
            div.Append("<li>").Append(Escape(line)).Append("</li>");
        }

        div.Append("</ul>");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
