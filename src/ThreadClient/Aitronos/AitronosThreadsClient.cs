using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ThreadClient.Http;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// <c>/v1/threads</c>: create, get, list (auto-paging), update metadata, lock, unlock, archive,
/// delete, and list messages. Lifecycle transitions the product document forbids are refused before
/// sending when the current state is known (the overloads that take an <see cref="AitronosThread"/>).
/// </summary>
public class AitronosThreadsClient
{
    internal const string ThreadsPath = "v1/threads";

    private readonly ApiTransport _transport = null!;
    private readonly AitronosOptions _options = null!;

    /// <summary>For mocking only: a client made this way has no transport and fails if called.</summary>
    protected AitronosThreadsClient()
    {
    }

    internal AitronosThreadsClient(ApiTransport transport, AitronosOptions options)
    {
        _transport = transport;
        _options = options;
    }

    /// <summary>Creates an empty thread (<c>POST /v1/threads</c>).</summary>
    /// <param name="metadata">Metadata to attach, or <see langword="null"/>; checked against the limits first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new thread.</returns>
    public virtual Task<AitronosThread> CreateAsync(ThreadMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        if (metadata is not null)
        {
            AitronosRequestValidator.ValidateMetadata(metadata, _options.MetadataLimits, "metadata", nameof(metadata));
        }

        var body = JsonBody.FromUtf8(AitronosRequestWriter.WriteMetadataPatch(metadata ?? [], state: null));
        return SendThreadAsync(_transport.CreateRequest(HttpMethod.Post, ThreadsPath, body, RequestProfile.Create), threadId: null, cancellationToken);
    }

    /// <summary>Gets a thread, hidden ones included (<c>GET /v1/threads/{id}</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The thread.</returns>
    /// <exception cref="ThreadNotFoundException">No such thread.</exception>
    public virtual Task<AitronosThread> GetAsync(string threadId, CancellationToken cancellationToken = default)
    {
        var path = ThreadPath(threadId);
        return SendThreadAsync(_transport.CreateRequest(HttpMethod.Get, path, null), threadId, cancellationToken);
    }

    /// <summary>Gets one page of threads (<c>GET /v1/threads</c>).</summary>
    /// <param name="options">Paging and <c>visible_in_ui</c>; <see langword="null"/> for the service's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with the cursors for the next one.</returns>
    public virtual async Task<AitronosPage<AitronosThread>> ListPageAsync(ListThreadsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = Query(options, nameof(options));
        if (options?.VisibleInUi is { } visible)
        {
            Append(query, "visible_in_ui", visible ? "true" : "false");
        }

        return await SendAsync(_transport.CreateRequest(HttpMethod.Get, ThreadsPath + query, null), static body => AitronosPage<AitronosThread>.Parse(body, Wire.ListOf<AitronosThread>()), threadNamed: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists every thread, fetching pages as the caller reads (<c>after</c> cursors).</summary>
    /// <param name="options">Page size, order, starting cursor and <c>visible_in_ui</c>; not modified.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The threads, in the service's order.</returns>
    public virtual IAsyncEnumerable<AitronosThread> ListAsync(ListThreadsOptions? options = null, CancellationToken cancellationToken = default)
    {
        _ = Query(options, nameof(options));
        return PageThrough(
            options,
            static (source, after, before) => new ListThreadsOptions { Limit = source?.Limit, Order = source?.Order, After = after, Before = before, VisibleInUi = source?.VisibleInUi },
            ListPageAsync,
            cancellationToken);
    }

    /// <summary>Gets one page of a thread's messages, oldest first by default (<c>GET /v1/threads/{id}/messages</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">Paging; <see langword="null"/> for the service's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<AitronosPage<AitronosMessage>> ListMessagesPageAsync(string threadId, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = ThreadPath(threadId) + "/messages" + Query(options, nameof(options));
        return await SendAsync(_transport.CreateRequest(HttpMethod.Get, path, null), static body => AitronosPage<AitronosMessage>.Parse(body, Wire.ListOf<AitronosMessage>()), threadNamed: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists every message of a thread, fetching pages as the caller reads.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">Page size, order and starting cursor; not modified.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The messages.</returns>
    public virtual IAsyncEnumerable<AitronosMessage> ListMessagesAsync(string threadId, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThreadPath(threadId);
        _ = Query(options, nameof(options));
        return PageThrough(
            options,
            static (source, after, before) => new ListOptions { Limit = source?.Limit, Order = source?.Order, After = after, Before = before },
            (page, ct) => ListMessagesPageAsync(threadId, page, ct),
            cancellationToken);
    }

    /// <summary>Merges metadata into a thread's (<c>PATCH /v1/threads/{id}</c> with <c>{"metadata":{...}}</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="metadata">The keys to set; checked against the limits first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated thread.</returns>
    public virtual Task<AitronosThread> UpdateMetadataAsync(string threadId, ThreadMetadata metadata, CancellationToken cancellationToken = default)
    {
        var path = ThreadPath(threadId);
        ArgumentNullException.ThrowIfNull(metadata);
        AitronosRequestValidator.ValidateMetadata(metadata, _options.MetadataLimits, "metadata", nameof(metadata));
        return PatchAsync(threadId, path, metadata, state: null, cancellationToken);
    }

    /// <summary>Locks a thread (open -&gt; locked): read-only until unlocked. The service decides if the transition is allowed.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated thread.</returns>
    public virtual Task<AitronosThread> LockAsync(string threadId, CancellationToken cancellationToken = default) =>
        TransitionAsync(threadId, ThreadLifecycleState.Unknown, ThreadLifecycleState.Locked, cancellationToken);

    /// <summary>Locks a thread whose state is known, refusing locally if it is not open.</summary>
    /// <param name="thread">The thread, as last read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated thread.</returns>
    /// <exception cref="ThreadTransitionException">The thread is not open.</exception>
    public virtual Task<AitronosThread> LockAsync(AitronosThread thread, CancellationToken cancellationToken = default) =>
        TransitionAsync(thread, ThreadLifecycleState.Locked, cancellationToken);

    /// <summary>Unlocks a thread (locked -&gt; open). The service decides if the transition is allowed.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated thread.</returns>
    public virtual Task<AitronosThread> UnlockAsync(string threadId, CancellationToken cancellationToken = default) =>
        TransitionAsync(threadId, ThreadLifecycleState.Unknown, ThreadLifecycleState.Open, cancellationToken);

    /// <summary>Unlocks a thread whose state is known, refusing locally if it is not locked.</summary>
    /// <param name="thread">The thread, as last read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated thread.</returns>
    /// <exception cref="ThreadTransitionException">The thread is not locked.</exception>
    public virtual Task<AitronosThread> UnlockAsync(AitronosThread thread, CancellationToken cancellationToken = default) =>
        TransitionAsync(thread, ThreadLifecycleState.Open, cancellationToken);

    /// <summary>Archives a thread (open or locked -&gt; archived), permanently.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated thread.</returns>
    public virtual Task<AitronosThread> ArchiveAsync(string threadId, CancellationToken cancellationToken = default) =>
        TransitionAsync(threadId, ThreadLifecycleState.Unknown, ThreadLifecycleState.Archived, cancellationToken);

    /// <summary>Archives a thread whose state is known, refusing locally if it is already archived.</summary>
    /// <param name="thread">The thread, as last read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated thread.</returns>
    /// <exception cref="ThreadTransitionException">The thread is already archived.</exception>
    public virtual Task<AitronosThread> ArchiveAsync(AitronosThread thread, CancellationToken cancellationToken = default) =>
        TransitionAsync(thread, ThreadLifecycleState.Archived, cancellationToken);

    /// <summary>Deletes a thread (<c>DELETE /v1/threads/{id}</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the service answered 204 or <c>{"deleted":true}</c>; <see langword="false"/> for <c>{"deleted":false}</c>.</returns>
    /// <exception cref="ThreadNotFoundException">No such thread.</exception>
    public virtual async Task<bool> DeleteAsync(string threadId, CancellationToken cancellationToken = default)
    {
        var request = _transport.CreateRequest(HttpMethod.Delete, ThreadPath(threadId), null);
        var errors = AitronosErrors.ForThreads(threadNamed: true);
        using var response = await _transport.SendBufferedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        var deletion = await _transport.ReadOptionalAsync(response, static body => Wire.Parse<AitronosDeletion>(body), errors, cancellationToken).ConfigureAwait(false);
        return deletion?.Deleted ?? true;
    }

    private static string ThreadPath(string threadId) => ThreadsPath + "/" + AitronosRequestValidator.ThreadId(threadId, nameof(threadId));

    private Task<AitronosThread> TransitionAsync(AitronosThread thread, ThreadLifecycleState to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return TransitionAsync(thread.Id, thread.State ?? ThreadLifecycleState.Unknown, to, cancellationToken);
    }

    private Task<AitronosThread> TransitionAsync(string threadId, ThreadLifecycleState from, ThreadLifecycleState to, CancellationToken cancellationToken)
    {
        var path = ThreadPath(threadId);
        ThreadLifecycle.EnsureTransition(from, to);
        return PatchAsync(threadId, path, metadata: null, to, cancellationToken);
    }

    private async Task<AitronosThread> PatchAsync(string threadId, string path, ThreadMetadata? metadata, ThreadLifecycleState? state, CancellationToken cancellationToken)
    {
        var body = JsonBody.FromUtf8(AitronosRequestWriter.WriteMetadataPatch(metadata, state));
        var request = _transport.CreateRequest(HttpMethod.Patch, path, body);
        var errors = AitronosErrors.ForThreads(threadNamed: true);
        using var response = await _transport.SendBufferedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        var thread = await _transport.ReadOptionalAsync(response, static body => Wire.Parse<AitronosThread>(body), errors, cancellationToken).ConfigureAwait(false);

        // Some generations answer a PATCH with 204 and no body: report what was asked for.
        return _transport.Attach(thread ?? new AitronosThread { Id = threadId, State = state, Metadata = metadata ?? [] }, response);
    }

    private Task<AitronosThread> SendThreadAsync(HttpRequestMessage request, string? threadId, CancellationToken cancellationToken) =>
        SendAsync(request, static body => Wire.Parse<AitronosThread>(body), threadNamed: threadId is not null, cancellationToken);

    private Task<T> SendAsync<T>(HttpRequestMessage request, ReplyReader<T> reader, bool threadNamed, CancellationToken cancellationToken) =>
        _transport.SendAsync(request, reader, AitronosErrors.ForThreads(threadNamed), cancellationToken);

    private static StringBuilder Query(ListOptions? options, string paramName)
    {
        var query = new StringBuilder();
        if (options is null)
        {
            return query;
        }

        if (options.Limit is { } limit)
        {
            if (limit is < 1 or > 100)
            {
                throw new ArgumentOutOfRangeException(paramName, limit, "options.Limit must be between 1 and 100.");
            }

            Append(query, "limit", limit.ToString(CultureInfo.InvariantCulture));
        }

        if (options.Order is { } order)
        {
            if (order is not ("asc" or "desc"))
            {
                throw new ArgumentException("options.Order must be 'asc' or 'desc'.", paramName);
            }

            Append(query, "order", order);
        }

        if (options.After is { } after)
        {
            Append(query, "after", after);
        }

        if (options.Before is { } before)
        {
            Append(query, "before", before);
        }

        return query;
    }

    private static void Append(StringBuilder query, string name, string value) =>
        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));

    /// <summary>
    /// Pages through a list: forwards over <c>after</c> cursors (the next page starts after the last
    /// item), or, when only <see cref="ListOptions.Before"/> is given, backwards over <c>before</c>
    /// cursors (the next page ends before the first item), each page in the service's order. With both,
    /// the window's <c>before</c> end stays fixed while <c>after</c> moves forwards.
    /// </summary>
    private static async IAsyncEnumerable<T> PageThrough<T, TOptions>(
        TOptions? options,
        Func<TOptions?, string?, string?, TOptions> pageOptions,
        Func<TOptions, CancellationToken, Task<AitronosPage<T>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TOptions : ListOptions
    {
        var backwards = options is { After: null, Before: not null };
        var cursor = backwards ? options!.Before : options?.After;
        while (true)
        {
            var page = await fetch(backwards ? pageOptions(options, null, cursor) : pageOptions(options, cursor, options?.Before), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Data)
            {
                yield return item;
            }

            var next = backwards ? page.FirstId : page.LastId;
            if (!page.HasMore || next is null || next == cursor || page.Data.Count == 0)
            {
                yield break;
            }

            cursor = next;
        }
    }
}
