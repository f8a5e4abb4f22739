using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Messaging.Fhir;

namespace Portal.Core.Messaging;

/// <summary>Registers the secure-messaging use cases (called once from <see cref="PortalCore"/>).</summary>
public static class MessagingCore
{
    /// <summary>Adds pools, threads, the inbox, attachments and their cleanup.</summary>
    public static IServiceCollection AddMessagingCore(this IServiceCollection services) => services
        .AddSingleton<MessagePools>()
        .AddSingleton<ThreadAccess>()
        .AddSingleton<UnsentAttachments>()
        .AddSingleton<ThreadWrites>()
        .AddSingleton<StartThread>()
        .AddSingleton<ListThreads>()
        .AddSingleton<ReadThread>()
        .AddSingleton<ReplyToThread>()
        .AddSingleton<AssignThread>()
        .AddSingleton<CloseThread>()
        .AddSingleton<ListInbox>()
        .AddSingleton<ReconcileInbox>()
        .AddSingleton<UploadAttachment>()
        .AddSingleton<DownloadAttachment>()
        .AddSingleton<ExpireAttachments>();
}
