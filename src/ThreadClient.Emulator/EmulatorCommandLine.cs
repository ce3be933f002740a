using System.Globalization;
using ThreadClient.Testing;

namespace ThreadClient.Emulator;

/// <summary>
/// The emulator's command line. Every option takes <c>--name value</c> or <c>--name=value</c>; an unknown
/// option, a missing value or a bad number is an error (exit code 2), never silently ignored.
/// </summary>
internal sealed class EmulatorCommandLine
{
    public const string Usage = """
        Usage: threadclient-emulator [options]

          --port N                      Port to listen on (default 0: a free one, printed on start).
          --host ADDRESS                Address to listen on with --port (default 127.0.0.1; 0.0.0.0 in a container).
          --urls URL[;URL...]           Full listen addresses, e.g. http://127.0.0.1:5080 (instead of --host/--port).
          --chat-completions-retired    Answer POST /chat/completions with Perplexity's 403, as since 2026-09-27.
          --aitronos-reply-shape SHAPE  How Aitronos answers without stream: seed (one object, the default),
                                        event-array or success-envelope (as the deployed Freddy API does).
          --no-api-key                  Accept requests without a key (by default any non-empty key is required).
          --no-control-plane            Do not serve the control plane under /_emulator/.
          --help                        Print this and exit.

        Stops on Ctrl+C (SIGINT) or SIGTERM. Control plane: see README, "The emulator as a tool".
        """;

    private EmulatorCommandLine(EmulatorOptions options, bool help)
    {
        Options = options;
        Help = help;
    }

    public EmulatorOptions Options { get; }

    public bool Help { get; }

    /// <summary>Reads the arguments.</summary>
    /// <exception cref="FormatException">An option is unknown, lacks its value or has a bad one; the message says which.</exception>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        var help = false;
        bool hostOrPort = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            string Value()
            {
                if (equals > 0)
                {
                    return arg[(equals + 1)..];
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new FormatException($"{name} needs a value.");
                }

                return args[++i];
            }

            void Flag()
            {
                if (equals > 0)
                {
                    throw new FormatException($"{name} takes no value.");
                }
            }

            switch (name)
            {
                case "--port":
                    var text = Value();
                    options.Port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                        ? port
                        : throw new FormatException($"--port needs a number from 0 to 65535; got '{text}'.");
                    hostOrPort = true;
                    break;
                case "--host":
                    options.Host = Value() is { Length: > 0 } host ? host : throw new FormatException("--host needs an address.");
                    hostOrPort = true;
                    break;
                case "--urls":
                    var urls = Value().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (urls.Length == 0)
                    {
                        throw new FormatException("--urls needs at least one address, for example http://127.0.0.1:5080.");
                    }

                    foreach (var url in urls)
                    {
                        options.Urls.Add(url);
                    }

                    break;
                case "--chat-completions-retired":
                    Flag();
                    options.PerplexityChatCompletionsRetired = true;
                    break;
                case "--aitronos-reply-shape":
                    options.AitronosReplyShape = Value() switch
                    {
                        "seed" => AitronosReplyShape.Seed,
                        "event-array" => AitronosReplyShape.EventArray,
                        "success-envelope" => AitronosReplyShape.SuccessEnvelope,
                        var other => throw new FormatException($"--aitronos-reply-shape needs seed, event-array or success-envelope; got '{other}'."),
                    };
                    break;
                case "--no-api-key":
                    Flag();
                    options.RequireApiKey = false;
                    break;
                case "--no-control-plane":
                    Flag();
                    options.ControlPlane = false;
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                default:
                    throw new FormatException($"Unknown option '{arg}'. Run with --help for the options.");
            }
        }

        if (hostOrPort && options.Urls.Count > 0)
        {
            throw new FormatException("--urls names full addresses: use it instead of --host and --port, not with them.");
        }

        return new EmulatorCommandLine(options, help);
    }
}
