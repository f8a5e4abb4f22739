using Microsoft.Extensions.Options;
using Moq;
using Portal.Core.Clinic;
using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;

namespace Portal.Tests.Notifications.Inbound;

public class ReceiveTextTests
{
    private const string Ana = "+13125550101";
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryOptOuts optOuts = new();
    private readonly RecordingSms sms = new();
    private readonly InMemorySmsLanguages languages = new();
    private readonly FixedClock clock = new(Noon);
    private readonly List<IInboundTextHandler> handlers = [];
    private readonly ClinicOptions clinic = new() { Name = "Riverside Family Clinic", PortalUrl = "https://portal.riverside.example", Phone = "+13125550100" };

    private ReceiveText UseCase() =>
        new(optOuts, languages, sms, new InMemoryReplyLimits(), handlers, Options.Create(clinic), clock, new RecordingLogger<ReceiveText>());

    private static InboundText Text(string message, DateTimeOffset at, string? id = null) => new(id ?? Guid.NewGuid().ToString("N"), Ana, message, at);

    [Fact]
    public async Task Stop_then_start_opts_out_and_back_in_without_answering()
    {
        var useCase = UseCase();

        Assert.Equal(InboundTextOutcome.OptedOut, await useCase.ExecuteAsync(Text(" Stop. ", Noon), default));
        Assert.True(await optOuts.IsOptedOutAsync(Ana, default));
        Assert.Equal(InboundTextOutcome.OptedIn, await useCase.ExecuteAsync(Text("START", Noon.AddMinutes(1)), default));

        Assert.False(await optOuts.IsOptedOutAsync(Ana, default));
        Assert.Empty(sms.Sent);
    }

    [Fact]
    public async Task A_late_older_stop_does_not_override_a_newer_start()
    {
        var useCase = UseCase();

        await useCase.ExecuteAsync(Text("start", Noon.AddMinutes(5)), default);
        await useCase.ExecuteAsync(Text("stop", Noon), default);

        Assert.False(await optOuts.IsOptedOutAsync(Ana, default));
        Assert.Equal(Noon.AddMinutes(5), optOuts.Numbers[Ana].At);
    }

    [Fact]
    public async Task Help_is_answered_with_the_clinic_the_portal_and_stop_and_nothing_clinical()
    {
        Assert.Equal(InboundTextOutcome.HelpSent, await UseCase().ExecuteAsync(Text("help", Noon, "in-1"), default));

        var reply = Assert.Single(sms.Sent);
        Assert.Equal(Ana, reply.To);
        Assert.Equal("reply|in-1", reply.DeliveryKey);
        Assert.Equal(
            "Riverside Family Clinic: texts about your patient portal account. Sign in at https://portal.riverside.example. Call us at +13125550100. Msg&data rates may apply. Reply STOP to opt out.",
            reply.Text);
        Assert.True(reply.Text.Length <= 160 * 2);
    }

    [Fact]
    public async Task Help_without_a_portal_url_or_phone_still_names_the_clinic_and_stop()
    {
        clinic.PortalUrl = "";
        clinic.Phone = "";

        await UseCase().ExecuteAsync(Text("HELP", Noon), default);

        Assert.Equal("Riverside Family Clinic: texts about your patient portal account. Msg&data rates may apply. Reply STOP to opt out.", Assert.Single(sms.Sent).Text);
    }

    [Fact]
    public async Task An_unknown_reply_gets_one_fallback_a_day()
    {
        var useCase = UseCase();

        Assert.Equal(InboundTextOutcome.FallbackSent, await useCase.ExecuteAsync(Text("what time is my appointment?", Noon), default));
        clock.Now = Noon.AddHours(23);
        Assert.Equal(InboundTextOutcome.NotAnswered, await useCase.ExecuteAsync(Text("hello??", clock.Now), default));
        clock.Now = Noon.AddHours(24).AddMinutes(1);
        Assert.Equal(InboundTextOutcome.FallbackSent, await useCase.ExecuteAsync(Text("hello again", clock.Now), default));

        Assert.Equal(2, sms.Sent.Count);
        Assert.All(sms.Sent, s => Assert.StartsWith("Riverside Family Clinic: this number does not read replies.", s.Text, StringComparison.Ordinal));
        Assert.All(sms.Sent, s => Assert.EndsWith("Reply HELP for help, STOP to opt out.", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_opted_out_number_gets_no_fallback()
    {
        var useCase = UseCase();
        await useCase.ExecuteAsync(Text("stop", Noon), default);

        Assert.Equal(InboundTextOutcome.NotAnswered, await useCase.ExecuteAsync(Text("why?", Noon.AddMinutes(1)), default));
        Assert.Empty(sms.Sent);
    }

    [Fact]
    public async Task The_same_message_twice_is_answered_once()
    {
        var useCase = UseCase();

        await useCase.ExecuteAsync(Text("help", Noon, "in-7"), default);
        await useCase.ExecuteAsync(Text("help", Noon, "in-7"), default);

        Assert.Single(sms.Sent);
    }

    [Fact]
    public async Task Handlers_are_asked_in_order_before_the_fallback_but_never_for_keywords()
    {
        var first = new Mock<IInboundTextHandler>();
        var second = new Mock<IInboundTextHandler>();
        first.Setup(h => h.TryHandleAsync(It.IsAny<InboundText>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        second.Setup(h => h.TryHandleAsync(It.Is<InboundText>(t => t.Message == "C"), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        handlers.AddRange([first.Object, second.Object]);
        var useCase = UseCase();

        Assert.Equal(InboundTextOutcome.Handled, await useCase.ExecuteAsync(Text("C", Noon), default));
        Assert.Equal(InboundTextOutcome.OptedOut, await useCase.ExecuteAsync(Text("STOP", Noon), default));

        first.Verify(h => h.TryHandleAsync(It.IsAny<InboundText>(), It.IsAny<CancellationToken>()), Times.Once);
        second.Verify(h => h.TryHandleAsync(It.IsAny<InboundText>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(sms.Sent);
    }

    [Fact]
    public async Task A_number_texted_in_spanish_gets_help_and_the_fallback_in_spanish()
    {
        languages.Numbers[Ana] = "es";
        var useCase = UseCase();

        await useCase.ExecuteAsync(Text("help", Noon), default);
        await useCase.ExecuteAsync(Text("¿a qué hora es mi cita?", Noon), default);

        Assert.Equal(
            [
                "Riverside Family Clinic: mensajes sobre su cuenta del portal del paciente. Inicie sesión en https://portal.riverside.example. Llámenos al +13125550100. Pueden aplicarse tarifas de mensajes y datos. Responda STOP para no recibir más mensajes.",
                "Riverside Family Clinic: este número no lee respuestas. Inicie sesión en https://portal.riverside.example para escribir a su equipo de atención. Llámenos al +13125550100. Responda AYUDA para obtener ayuda o STOP para no recibir más mensajes.",
            ],
            sms.Sent.Select(s => s.Text));
        Assert.All(sms.Sent, s => Assert.True(s.Text.Length <= 320, $"{s.Text.Length} characters"));
    }

    [Fact]
    public async Task Ayuda_is_answered_in_spanish_even_from_a_number_never_texted()
    {
        Assert.Equal(InboundTextOutcome.HelpSent, await UseCase().ExecuteAsync(Text(" Ayuda ", Noon), default));

        Assert.StartsWith("Riverside Family Clinic: mensajes sobre su cuenta", Assert.Single(sms.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alto_opts_out_with_one_spanish_confirmation_and_start_opts_back_in()
    {
        var useCase = UseCase();

        Assert.Equal(InboundTextOutcome.OptedOut, await useCase.ExecuteAsync(Text("ALTO", Noon), default));
        Assert.Equal(InboundTextOutcome.OptedOut, await useCase.ExecuteAsync(Text("para", Noon.AddMinutes(1)), default));
        Assert.True(await optOuts.IsOptedOutAsync(Ana, default));
        Assert.Equal(InboundTextOutcome.OptedIn, await useCase.ExecuteAsync(Text("START", Noon.AddMinutes(2)), default));

        Assert.False(await optOuts.IsOptedOutAsync(Ana, default));
        Assert.Equal(["Riverside Family Clinic: ya no recibirá mensajes de texto nuestros. Responda START para volver a recibirlos."], sms.Sent.Select(s => s.Text));
    }
}
