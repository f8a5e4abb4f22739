using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Scheduling.Setup;

/// <summary>What a setup item must be: its own fields, and references to items that exist.</summary>
public static partial class SetupRules
{
    /// <summary>The longest exception, in days.</summary>
    public const int MaxExceptionDays = 62;

    /// <summary>Checks <paramref name="item"/> stored under <paramref name="routeId"/> against the rest of <paramref name="setup"/>.</summary>
    public static FieldErrors Validate(ISetupItem item, string routeId, ClinicSetup setup)
    {
        var errors = new FieldErrors();
        errors.Require(IdPattern().IsMatch(item.Id ?? ""), "id", "1 to 40 lowercase letters, digits and dashes, starting with a letter or digit.");
        errors.Require(item.Id == routeId, "id", "The id in the body must be the id in the path.");
        switch (item)
        {
            case Provider provider:
                errors.RequireText(provider.Name, "name", 100);
                errors.OptionalText(provider.Specialty, "specialty", 100);
                break;
            case Location location:
                errors.RequireText(location.Name, "name", 100);
                errors.RequireText(location.Line1, "line1", 200);
                errors.RequireText(location.City, "city", 100);
                errors.RequireText(location.State, "state", 50);
                errors.RequireText(location.PostalCode, "postalCode", 20);
                errors.OptionalText(location.Phone, "phone", 30);
                break;
            case VisitType visitType:
                ValidateVisitType(visitType, errors);
                break;
            case AvailabilityTemplate template:
                errors.Require(setup.Provider(template.ProviderId ?? "") is not null, "providerId", "No such provider.");
                errors.Require(setup.Location(template.LocationId ?? "") is not null, "locationId", "No such location.");
                errors.Require(template.Days is { Count: > 0 } && template.Days.Distinct().Count() == template.Days.Count, "days", "One or more weekdays, each once.");
                ValidateTimes(template.Start, template.End, errors);
                ValidateVisitTypes(template.VisitTypeIds, setup, errors);
                errors.Require(template.ValidFrom is null || template.ValidTo is null || template.ValidFrom <= template.ValidTo, "validTo", "On or after validFrom.");
                break;
            case AvailabilityException exception:
                errors.Require(setup.Provider(exception.ProviderId ?? "") is not null, "providerId", "No such provider.");
                errors.Require(exception.FromDate <= exception.ToDate && exception.ToDate.DayNumber - exception.FromDate.DayNumber <= MaxExceptionDays,
                    "toDate", $"On or after fromDate, at most {MaxExceptionDays} days later.");
                ValidateTimes(exception.Start, exception.End, errors);
                if (exception.Kind == ExceptionKind.ExtraSession)
                {
                    errors.Require(setup.Location(exception.LocationId ?? "") is not null, "locationId", "An extra session needs a location that exists.");
                }
                else
                {
                    errors.Require(exception.LocationId is null && exception.VisitTypeIds is not { Count: > 0 }, "locationId", "Time off has no location or visit types.");
                }

                ValidateVisitTypes(exception.VisitTypeIds, setup, errors);
                break;
        }

        return errors;
    }

    private static void ValidateVisitType(VisitType visitType, FieldErrors errors)
    {
        errors.RequireText(visitType.Name, "name", 100);
        errors.Require(visitType.DurationMinutes is >= 10 and <= 120 && visitType.DurationMinutes % 5 == 0, "durationMinutes", "10 to 120, in steps of 5.");
        errors.Require(visitType.MinimumNoticeHours is >= 0 and <= 336, "minimumNoticeHours", "0 to 336.");
        errors.Require(visitType.HorizonDays is >= 1 and <= 365, "horizonDays", "1 to 365.");
        errors.Require(visitType.CancellationCutoffHours is >= 0 and <= 168, "cancellationCutoffHours", "0 to 168.");
        errors.Require(visitType.ReminderHours is { Count: <= 5 } hours && hours.All(h => h is >= 1 and <= 168) && hours.Distinct().Count() == hours.Count,
            "reminderHours", "At most 5 distinct values from 1 to 168.");
        errors.OptionalText(visitType.Preparation, "preparation", 2000);
        ValidateQuestionnaire(visitType.Questionnaire, errors);
    }

    private static void ValidateQuestionnaire(IReadOnlyList<QuestionnaireItem>? items, FieldErrors errors)
    {
        if (items is null)
        {
            return;
        }

        errors.Require(items.Count <= 10, "questionnaire", "At most 10 questions.");
        errors.Require(items.Select(i => i?.LinkId).Distinct().Count() == items.Count, "questionnaire", "Every linkId once.");
        for (var index = 0; index < items.Count; index++)
        {
            var (item, field) = (items[index], $"questionnaire[{index}]");
            if (item is null)
            {
                errors.Add(field, "A question.");
                continue;
            }

            errors.Require(LinkIdPattern().IsMatch(item.LinkId ?? ""), $"{field}.linkId", "1 to 40 letters, digits, '.' and '-'.");
            errors.RequireText(item.Text, $"{field}.text", 300);
            errors.Require(item.Type == QuestionType.Choice
                    ? item.Options is { Count: >= 2 and <= 10 } options && options.All(o => !string.IsNullOrWhiteSpace(o) && o.Length <= 100) && options.Distinct().Count() == options.Count
                    : item.Options is null,
                $"{field}.options", "A choice has 2 to 10 distinct options of 1 to 100 characters; other questions none.");
        }
    }

    private static void ValidateTimes(TimeOnly start, TimeOnly end, FieldErrors errors)
    {
        errors.Require(OnUnit(start), "start", "A multiple of 5 minutes (HH:mm:00).");
        errors.Require(OnUnit(end), "end", "A multiple of 5 minutes (HH:mm:00).");
        errors.Require(start < end, "end", "After the start, on the same day.");
    }

    private static void ValidateVisitTypes(IReadOnlyList<string>? ids, ClinicSetup setup, FieldErrors errors) =>
        errors.Require(ids is null || ids.All(id => setup.VisitType(id) is not null), "visitTypeIds", "Every id must be a visit type that exists.");

    private static bool OnUnit(TimeOnly time) => time.Second == 0 && time.Millisecond == 0 && time.Minute % 5 == 0;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9.\\-]{1,40}$")]
    private static partial Regex LinkIdPattern();
}
