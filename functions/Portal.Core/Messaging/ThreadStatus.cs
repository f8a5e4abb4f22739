namespace Portal.Core.Messaging;

/// <summary>Whether a conversation is still going.</summary>
public enum ThreadStatus
{
    /// <summary>Open: in the pool's inbox.</summary>
    Open,

    /// <summary>Closed by staff; the patient's next message reopens it.</summary>
    Closed,
}
