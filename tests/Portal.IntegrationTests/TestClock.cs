namespace Portal.IntegrationTests;

/// <summary>A clock that stands still unless a test moves it.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
