namespace Portal.Core.Notifications.Inbound;

/// <summary>What a text message means as a carrier keyword.</summary>
public enum SmsKeyword
{
    /// <summary>Not a keyword: other features' handlers, then the short fallback.</summary>
    None,

    /// <summary>STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT: no more texts to this number.</summary>
    OptOut,

    /// <summary>START, UNSTOP: texts again.</summary>
    OptIn,

    /// <summary>HELP (or INFO): who is texting and how to stop it.</summary>
    Help,
}
