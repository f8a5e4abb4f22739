using Portal.Core.Notifications.Inbound;

namespace Portal.Tests.Notifications.Inbound;

public class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP", SmsKeyword.OptOut)]
    [InlineData("stop", SmsKeyword.OptOut)]
    [InlineData("  Stop. ", SmsKeyword.OptOut)]
    [InlineData("STOP!!", SmsKeyword.OptOut)]
    [InlineData("stop all", SmsKeyword.OptOut)]
    [InlineData("StopAll", SmsKeyword.OptOut)]
    [InlineData("unsubscribe", SmsKeyword.OptOut)]
    [InlineData("Cancel", SmsKeyword.OptOut)]
    [InlineData("end\n", SmsKeyword.OptOut)]
    [InlineData("quit", SmsKeyword.OptOut)]
    [InlineData("start", SmsKeyword.OptIn)]
    [InlineData(" UnStop ", SmsKeyword.OptIn)]
    [InlineData("help?", SmsKeyword.Help)]
    [InlineData("Info", SmsKeyword.Help)]
    [InlineData("ALTO", SmsKeyword.OptOut)]
    [InlineData("para", SmsKeyword.OptOut)]
    [InlineData(" Parar.", SmsKeyword.OptOut)]
    [InlineData("Detener", SmsKeyword.OptOut)]
    [InlineData("ayuda?", SmsKeyword.Help)]
    [InlineData("cancelar", SmsKeyword.None)]
    [InlineData("para mañana", SmsKeyword.None)]
    [InlineData("yes", SmsKeyword.None)]
    [InlineData("please stop texting me", SmsKeyword.None)]
    [InlineData("C", SmsKeyword.None)]
    [InlineData("", SmsKeyword.None)]
    [InlineData(null, SmsKeyword.None)]
    public void Keywords_are_recognised_in_any_case_with_spaces_and_punctuation(string? message, SmsKeyword expected) =>
        Assert.Equal(expected, SmsKeywords.Classify(message));

    [Theory]
    [InlineData("+13125550101", "+13125550101")]
    [InlineData("13125550101", "+13125550101")]
    [InlineData(" +1 (312) 555-0101 ", "+13125550101")]
    [InlineData("+442071838750", "+442071838750")]
    [InlineData("12345", null)]
    [InlineData("+0123456789", null)]
    [InlineData("+1312555010x", null)]
    [InlineData("+1234567890123456", null)]
    [InlineData("", null)]
    public void Numbers_are_normalised_to_E164(string number, string? expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(number));
}
