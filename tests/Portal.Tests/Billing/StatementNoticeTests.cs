using Portal.Core.Notifications;

namespace Portal.Tests.Billing;

public class StatementNoticeTests
{
    [Theory]
    [InlineData("en-US", "Riverside Family Clinic: Your statement is ready to view and pay online. Sign in to see it: https://portal.test", "Riverside Family Clinic: Your statement is ready")]
    [InlineData("es-MX", "Riverside Family Clinic: Su estado de cuenta está listo para ver y pagar en línea. Inicie sesión para verlo: https://portal.test", "Riverside Family Clinic: Su estado de cuenta está listo")]
    public void The_statement_notice_says_it_is_ready_in_the_patients_language_and_never_an_amount(string language, string sms, string subject)
    {
        var text = NoticeTemplates.Render(NoticeKind.StatementReady, NoticeDetails.None, language, TimeZoneInfo.Utc, "Riverside Family Clinic", "https://portal.test");

        Assert.Equal((sms, subject), (text.Sms, text.EmailSubject));
        Assert.DoesNotMatch("[$€£]|[0-9]+\\.[0-9]{2}", text.Sms + text.EmailBody);
    }
}
