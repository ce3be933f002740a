using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ThreadClient.Emulator;

namespace ThreadClient.Tests.Emulator;

/// <summary>The standalone emulator (<c>threadclient-emulator</c>): its command line, and the real process started, used and stopped with SIGTERM.</summary>
public sealed class EmulatorToolTests
{
    [Theory]
    [InlineData(new[] { "--port", "5080" }, 5080)]
    [InlineData(new[] { "--port=5081" }, 5081)]
    [InlineData(new string[0], 0)]
    public void The_port_is_read_in_both_spellings(string[] args, int port)
    {
        var command = EmulatorCommandLine.Parse(args);

        Assert.Equal((port, "127.0.0.1", false), (command.Options.Port, command.Options.Host, command.Help));
    }

    [Fact]
    public void Host_urls_and_switches_are_read()
    {
        var hosted = EmulatorCommandLine.Parse(["--host=0.0.0.0", "--chat-completions-retired", "--no-api-key", "--no-control-plane"]);
        var urls = EmulatorCommandLine.Parse(["--urls", "http://127.0.0.1:5080;http://127.0.0.1:5081"]);

        Assert.Equal(("0.0.0.0", true, false, false), (hosted.Options.Host, hosted.Options.PerplexityChatCompletionsRetired, hosted.Options.RequireApiKey, hosted.Options.ControlPlane));
        Assert.Equal(["http://127.0.0.1:5080", "http://127.0.0.1:5081"], urls.Options.Urls);
        Assert.True(EmulatorCommandLine.Parse(["--help"]).Help);
        Assert.Equal(ThreadClient.Testing.AitronosReplyShape.EventArray, EmulatorCommandLine.Parse(["--aitronos-reply-shape=event-array"]).Options.AitronosReplyShape);
        Assert.Equal(ThreadClient.Testing.AitronosReplyShape.SuccessEnvelope, EmulatorCommandLine.Parse(["--aitronos-reply-shape", "success-envelope"]).Options.AitronosReplyShape);
    }

    [Theory]
    [InlineData(new[] { "--verbose" }, "Unknown option '--verbose'")]
    [InlineData(new[] { "5080" }, "Unknown option '5080'")]
    [InlineData(new[] { "--port" }, "--port needs a value")]
    [InlineData(new[] { "--port", "--host", "x" }, "--port needs a value")]
    [InlineData(new[] { "--port=eighty" }, "--port needs a number from 0 to 65535; got 'eighty'")]
    [InlineData(new[] { "--port=70000" }, "--port needs a number from 0 to 65535")]
    [InlineData(new[] { "--port=-1" }, "--port needs a number")]
    [InlineData(new[] { "--no-api-key=yes" }, "--no-api-key takes no value")]
    [InlineData(new[] { "--port=1", "--urls=http://127.0.0.1:2" }, "--urls names full addresses")]
    [InlineData(new[] { "--urls=" }, "--urls needs at least one address")]
    [InlineData(new[] { "--urls", ";" }, "--urls needs at least one address")]
    [InlineData(new[] { "--aitronos-reply-shape=array" }, "--aitronos-reply-shape needs seed, event-array or success-envelope; got 'array'")]
    public void A_bad_command_line_is_an_error_that_says_what_is_wrong(string[] args, string says)
    {
        var error = Assert.Throws<FormatException>(() => EmulatorCommandLine.Parse(args));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_listens_on_the_port_given_as_port_equals_n_and_stops_on_sigterm_freeing_it()
    {
        var port = FreePort();
        using var emulator = Start($"--port={port}");
        var address = await emulator.AddressAsync();

        using var http = new HttpClient();
        var status = await http.GetAsync(new Uri(address, "_emulator"));
        Signal(emulator.Process, "TERM");
        var exited = emulator.Process.WaitForExit(TimeSpan.FromSeconds(20));
        emulator.Process.WaitForExit(); // drains the redirected output

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), address);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.True(exited, "the emulator stops on SIGTERM");
        Assert.Equal(0, emulator.Process.ExitCode);
        Assert.Contains("stopping", emulator.Output, StringComparison.Ordinal);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }

    [Fact]
    public async Task The_process_prints_every_address_it_listens_on()
    {
        var (first, second) = (FreePort(), FreePort());
        using var emulator = Start($"--urls=http://127.0.0.1:{first};http://127.0.0.1:{second}");
        await emulator.AddressAsync();
        await emulator.WaitForAsync($"listening on http://127.0.0.1:{second}/");

        Signal(emulator.Process, "INT");
        Assert.True(emulator.Process.WaitForExit(TimeSpan.FromSeconds(20)), "the emulator stops on SIGINT (Ctrl+C)");
        Assert.Contains($"listening on http://127.0.0.1:{first}/", emulator.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_process_refuses_an_unknown_option_with_exit_code_2_and_a_message()
    {
        using var emulator = Start("--verbose");

        Assert.True(emulator.Process.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal(2, emulator.Process.ExitCode);
        Assert.Contains("Unknown option '--verbose'", emulator.Process.StandardError.ReadToEnd(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static RunningEmulator Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ThreadClient.Emulator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new RunningEmulator(Process.Start(start)!);
    }

    private sealed class RunningEmulator : IDisposable
    {
        private readonly System.Text.StringBuilder _output = new();
        private readonly List<(string Text, TaskCompletionSource<string> Seen)> _waiting = [];

        public RunningEmulator(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (_output)
                {
                    _output.AppendLine(e.Data);
                    foreach (var wait in _waiting.Where(w => e.Data.Contains(w.Text, StringComparison.Ordinal)))
                    {
                        wait.Seen.TrySetResult(e.Data);
                    }
                }
            };
            process.BeginOutputReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task<Uri> AddressAsync()
        {
            var line = await WaitForAsync("listening on ");
            return new Uri(line[(line.IndexOf("http", StringComparison.Ordinal))..]);
        }

        public Task<string> WaitForAsync(string text)
        {
            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_output)
            {
                var line = Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (line is not null)
                {
                    return Task.FromResult(line.TrimEnd('\r'));
                }

                _waiting.Add((text, seen));
            }

            return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }

            Process.Dispose();
        }
    }
}
