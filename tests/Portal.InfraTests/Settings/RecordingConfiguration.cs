using Microsoft.Extensions.Configuration;

namespace Portal.InfraTests.Settings;

/// <summary>
/// A configuration source that serves fixed values and records every key the app asks for:
/// each <c>TryGet</c> (a value read) and each <c>GetChildKeys</c> parent path (a section enumerated,
/// as the options binder does).
/// </summary>
internal sealed class RecordingConfigurationSource(IReadOnlyDictionary<string, string?> values) : IConfigurationSource
{
    public ConfigurationReads Reads { get; } = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(values, Reads);

    private sealed class Provider : ConfigurationProvider
    {
        private readonly ConfigurationReads reads;

        public Provider(IReadOnlyDictionary<string, string?> values, ConfigurationReads reads)
        {
            this.reads = reads;
            foreach (var (key, value) in values)
            {
                Data[SettingName.ToConfigurationKey(key)] = value;
            }
        }

        public override bool TryGet(string key, out string? value)
        {
            reads.Value(key);
            return base.TryGet(key, out value);
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (!string.IsNullOrEmpty(parentPath))
            {
                reads.Section(parentPath);
            }

            return base.GetChildKeys(earlierKeys, parentPath);
        }
    }
}

/// <summary>The configuration keys an app asked for.</summary>
internal sealed class ConfigurationReads
{
    private readonly HashSet<string> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public IReadOnlyCollection<string> Values
    {
        get { lock (gate) { return [.. values]; } }
    }

    public IReadOnlyCollection<string> Sections
    {
        get { lock (gate) { return [.. sections]; } }
    }

    /// <summary>Every key read as a value or enumerated as a section.</summary>
    public IReadOnlyCollection<string> All
    {
        get { lock (gate) { return [.. values.Union(sections, StringComparer.OrdinalIgnoreCase)]; } }
    }

    public void Value(string key)
    {
        lock (gate) { values.Add(key); }
    }

    public void Section(string path)
    {
        lock (gate) { sections.Add(path); }
    }
}
