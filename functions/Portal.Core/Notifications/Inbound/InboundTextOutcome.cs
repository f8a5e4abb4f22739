namespace Portal.Core.Notifications.Inbound;

/// <summary>What the portal did with a text message.</summary>
public enum InboundTextOutcome
{
    /// <summary>STOP: the number is opted out (the carrier or Communication Services answers it).</summary>
    OptedOut,

    /// <summary>START: the number is opted back in.</summary>
    OptedIn,

    /// <summary>HELP: the help text was sent.</summary>
    HelpSent,

    /// <summary>A feature's <see cref="IInboundTextHandler"/> took it.</summary>
    Handled,

    /// <summary>Not understood: the short fallback text was sent.</summary>
    FallbackSent,

    /// <summary>Not understood, and not answered: the number had its fallback today, or it opted out.</summary>
    NotAnswered,
}
