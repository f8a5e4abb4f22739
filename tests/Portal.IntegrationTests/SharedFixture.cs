using System.Diagnostics;
using System.Text;
using Portal.LocalHost.Storage;

namespace Portal.IntegrationTests;

/// <summary>
/// Something the tests of this assembly share (an Azurite, a portal), started by the first test that asks.
/// A failed start is never cached as such: it is retried once from scratch (fresh free ports). Only when the
/// retry fails too does every later test fail at once, and then the reason is written out once, in full, by
/// the first test that asked; the others point to it instead of repeating the same stack traces.
/// </summary>
internal sealed class SharedFixture<T>(string name, Func<Task<T>> start)
{
    private const int Attempts = 2;

    private readonly SemaphoreSlim gate = new(1, 1);
    private Task<T>? started;
    private string? failure;

    public async Task<T> GetAsync()
    {
        if (started is { IsCompletedSuccessfully: true } done)
        {
            return done.Result;
        }

        await gate.WaitAsync();
        try
        {
            if (started is { IsCompletedSuccessfully: true })
            {
                return started.Result;
            }

            if (failure is not null)
            {
                throw new SharedFixtureException($"The shared {name} could not start; why is written once, in the failure of the first test that asked for it ({failure}).");
            }

            var report = new StringBuilder($"The shared {name} could not start in {Attempts} attempts.");
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                var clock = Stopwatch.StartNew();
                var task = start();
                try
                {
                    var value = await task;
                    started = task;
                    return value;
                }
                catch (Exception e)
                {
                    report.AppendLine().Append($"Attempt {attempt} failed after {clock.Elapsed.TotalSeconds:0.0} s: {e.GetType().Name}: {e.Message}");
                }
            }

            report.AppendLine().Append($"Machine: {MachineLoad.Describe()}.");
            failure = $"{Attempts} attempts, first asked at {DateTime.Now:HH:mm:ss}";
            throw new SharedFixtureException(report.ToString());
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>A shared fixture failed to start twice; its message says why (or where that was said).</summary>
internal sealed class SharedFixtureException(string message) : Exception(message)
{
    // No stack trace: it says nothing about why a fixture did not start, and it would be repeated per test.
    public override string? StackTrace => null;
}
