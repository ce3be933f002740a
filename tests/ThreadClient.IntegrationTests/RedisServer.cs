using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ThreadClient.IntegrationTests;

/// <summary>
/// A Redis for the tests. <see cref="SharedAsync"/> is the server CI starts (<c>THREADCLIENT_REDIS=host:port</c>,
/// see <c>.ci/run</c>), or, when that is not set, a private <c>redis-server</c> this process starts on a free
/// loopback port. <see cref="StartPrivateAsync"/> always starts a private one, for tests that stop and
/// restart it. Either way Redis must be installed; when it is not, every test here fails saying so.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Variable = "THREADCLIENT_REDIS";

    private readonly string? _directory;
    private Process? _process;

    private RedisServer(string endpoint, string? directory)
    {
        Endpoint = endpoint;
        _directory = directory;
    }

    /// <summary><c>host:port</c>.</summary>
    public string Endpoint { get; }

    /// <summary>A StackExchange.Redis configuration that fails fast while the server is down, as an app should set it.</summary>
    public string Configuration => $"{Endpoint},abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000,connectRetry=0";

    /// <summary>The same with room for a busy machine (CI's two cores running the build beside the tests), for tests that are not about outages.</summary>
    public string PatientConfiguration => $"{Endpoint},abortConnect=false,connectTimeout=10000,syncTimeout=10000,asyncTimeout=10000";

    public static async Task<RedisServer> StartPrivateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("threadclient-redis-").FullName;
        var server = new RedisServer($"127.0.0.1:{FreePort()}", directory);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts (or restarts) a private server on its port and folder; its data survives a <see cref="StopAsync"/> (saved on shutdown).</summary>
    public async Task StartAsync()
    {
        var port = Endpoint[(Endpoint.LastIndexOf(':') + 1)..];
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port, "--bind", "127.0.0.1", "--dir", _directory!, "--save", "3600 1", "--appendonly", "no", "--protected-mode", "yes" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException(
                $"Redis is absent: these integration tests need redis-server on PATH (Debian: apt-get install redis-server) or {Variable}=host:port naming a running one. .ci/run installs and starts it.", missing);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{Endpoint},connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops a private server the way a service manager does (SIGTERM: Redis saves its data and exits).</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            throw new InvalidOperationException("Only a private server can be stopped.");
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The server CI started (<see cref="Variable"/>), or a private one.</summary>
    public static async Task<RedisServer> SharedAsync() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } endpoint
            ? new RedisServer(endpoint, directory: null)
            : await StartPrivateAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
