using Microsoft.Extensions.Options;

namespace Portal.Core.Messaging;

/// <summary>The configured pools, by id.</summary>
public sealed class MessagePools(IOptions<MessagingOptions> options)
{
    /// <summary>Every pool, ordered by id.</summary>
    public IReadOnlyList<MessagePool> All { get; } =
        [.. options.Value.Pools.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => WithId(p.Key, p.Value))];

    /// <summary>The pool with this id, or null.</summary>
    public MessagePool? Find(string? id) => All.FirstOrDefault(p => p.Id == id);

    private static MessagePool WithId(string id, MessagePool pool)
    {
        pool.Id = id;
        return pool;
    }
}
