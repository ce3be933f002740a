using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ThreadClient.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 answering every request with your delegate: the building block
/// of <see cref="ThreadsEmulator"/>, and a way to script a server by hand when a test needs a reply
/// the emulator does not give.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, IReadOnlyList<Uri> baseAddresses)
    {
        _app = app;
        BaseAddresses = baseAddresses;
    }

    /// <summary>Where the server listens, for example <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress => BaseAddresses[0];

    internal IReadOnlyList<Uri> BaseAddresses { get; }

    /// <summary>Starts a server.</summary>
    /// <param name="handler">Answers every request.</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static Task<LoopbackServer> StartAsync(RequestDelegate handler, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return StartAsync(handler, [$"http://127.0.0.1:{port}"], cancellationToken);
    }

    /// <summary>Starts a server on Kestrel-style addresses (<c>http://host:port</c>; port 0 picks a free one).</summary>
    internal static async Task<LoopbackServer> StartAsync(RequestDelegate handler, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
            {
                throw new ArgumentException($"'{url}' is not a listen address: use http://host:port (plain http, no path).", nameof(urls));
            }
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls([.. urls]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new LoopbackServer(app, [.. addresses.Select(a => new Uri(a.TrimEnd('/') + "/"))]);
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
