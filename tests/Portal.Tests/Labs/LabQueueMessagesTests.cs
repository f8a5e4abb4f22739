using System.Text;
using Portal.Core.Labs.Ingestion;

namespace Portal.Tests.Labs;

public class LabQueueMessagesTests
{
    [Theory]
    [InlineData("MSH|^~\\&|A|B\rPID|1")]
    [InlineData("{\"resourceType\":\"Bundle\"}")]
    public void Plain_and_base64_bodies_give_the_same_message(string message)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(message));

        Assert.Equal(message, Encoding.UTF8.GetString(LabQueueMessages.Decode(message)));
        Assert.Equal(message, Encoding.UTF8.GetString(LabQueueMessages.Decode(base64)));
    }

    [Fact]
    public void Text_that_happens_to_be_base64_but_is_no_lab_message_stays_text() =>
        Assert.Equal("abcd", Encoding.UTF8.GetString(LabQueueMessages.Decode("abcd")));
}
