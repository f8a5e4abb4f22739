namespace Portal.Core.Scheduling;

/// <summary>Scheduling settings (section <c>Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Scheduling";

    /// <summary>
    /// The clinic's video-visit link with <c>{appointmentId}</c> in it (e.g. <c>https://video.example.org/room/{appointmentId}</c>);
    /// built when shown, never stored in the chart. Empty: video visits show no link.
    /// </summary>
    public string VideoLinkTemplate { get; set; } = "";

    /// <summary>How long a request holds its slot for staff to decide (hours).</summary>
    public int RequestHoldHours { get; set; } = 48;

    /// <summary>How long before a video visit its link shows (minutes).</summary>
    public int VideoLinkOpensMinutes { get; set; } = 15;

    /// <summary>How many waiting patients a released slot is offered to at once (the first to book it wins).</summary>
    public int WaitlistOffers { get; set; } = 3;
}
