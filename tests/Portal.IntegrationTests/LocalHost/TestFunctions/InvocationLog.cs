using System.Collections.Concurrent;

namespace Portal.IntegrationTests.LocalHost.TestFunctions;

/// <summary>What the test functions were called with, per key; a singleton in the test-functions portal.</summary>
public sealed class InvocationLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> entries = new();

    public void Record(string key, string value) => entries.GetOrAdd(key, _ => new ConcurrentQueue<string>()).Enqueue(value);

    public IReadOnlyList<string> Get(string key) => entries.TryGetValue(key, out var values) ? values.ToArray() : [];

    /// <summary>Waits, up to a bound, until <paramref name="count"/> matching entries are recorded.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(string key, int count, Func<string, bool>? match = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var found = Get(key).Where(match ?? (_ => true)).ToArray();
            if (found.Length >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{key}' recorded {found.Length} of {count} expected entries within {limit.TotalSeconds} s.");
            }

            await Task.Delay(25);
        }
    }
}
