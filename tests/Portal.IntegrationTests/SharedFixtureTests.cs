namespace Portal.IntegrationTests;

/// <summary>The shared fixtures retry a failed start once and explain a lasting failure once.</summary>
public sealed class SharedFixtureTests
{
    [Fact]
    public async Task A_failed_start_is_retried_and_the_retry_is_what_every_test_gets()
    {
        var starts = 0;
        var fixture = new SharedFixture<string>("thing", () => ++starts == 1
            ? Task.FromException<string>(new TimeoutException("slow machine"))
            : Task.FromResult($"started on attempt {starts}"));

        var values = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.GetAsync()));

        Assert.All(values, v => Assert.Equal("started on attempt 2", v));
        Assert.Equal(2, starts);
    }

    [Fact]
    public async Task A_second_failure_is_explained_in_full_once_and_then_only_referred_to()
    {
        var starts = 0;
        var fixture = new SharedFixture<string>("thing", () =>
            Task.FromException<string>(new InvalidOperationException($"broken install, try {++starts}")));

        var first = await Assert.ThrowsAsync<SharedFixtureException>(fixture.GetAsync);
        var later = await Assert.ThrowsAsync<SharedFixtureException>(fixture.GetAsync);

        Assert.Equal(2, starts);
        Assert.Contains("could not start in 2 attempts", first.Message);
        Assert.Contains("Attempt 1 failed after", first.Message);
        Assert.Contains("broken install, try 2", first.Message);
        Assert.Contains("cores, load", first.Message);
        Assert.DoesNotContain("broken install", later.Message);
        Assert.Contains("written once, in the failure of the first test", later.Message);
        Assert.Null(later.StackTrace);
    }
}
