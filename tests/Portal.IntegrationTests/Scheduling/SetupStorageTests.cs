using Azure.Data.Tables;
using Portal.Azure.Scheduling;
using Portal.Core.Scheduling.Setup;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>Visit types stored before the questionnaire still read.</summary>
public class SetupStorageTests
{
    [Fact]
    public async Task A_visit_type_stored_with_plain_questions_reads_as_optional_text_questions()
    {
        var tables = await TestTables.CreateAsync();
        var id = $"old-{Guid.NewGuid():N}"[..20];
        var stored = $$"""
            {"id":"{{id}}","name":"Follow-up visit","durationMinutes":20,"modality":"inPerson","selfBooking":"anyone","requiresApproval":false,
             "minimumNoticeHours":2,"horizonDays":90,"cancellationCutoffHours":24,"reminderHours":[48,2],"preparation":null,
             "questions":["What would you like to talk about?","Any new medicines?"]}
            """;
        await tables.Schedule.AddEntityAsync(new TableEntity("setup", $"VisitType|{id}") { ["Kind"] = "VisitType", ["Data"] = stored });

        var visitType = (await new TableClinicSetup(tables).ReadAsync(default)).VisitType(id)!;

        Assert.Equal(
            [new QuestionnaireItem("q1", "What would you like to talk about?", QuestionType.String, false), new QuestionnaireItem("q2", "Any new medicines?", QuestionType.String, false)],
            visitType.Questionnaire!);
        await tables.Schedule.DeleteEntityAsync("setup", $"VisitType|{id}");
    }
}
