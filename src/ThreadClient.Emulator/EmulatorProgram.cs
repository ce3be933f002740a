using System.Runtime.InteropServices;
using ThreadClient.Testing;

namespace ThreadClient.Emulator;

/// <summary>
/// The standalone emulator (<c>threadclient-emulator</c>, or <c>dotnet run --project src/ThreadClient.Emulator</c>):
/// prints the addresses it listens on and serves until Ctrl+C or SIGTERM, so that clients in any language
/// can be pointed at it. Internal, so that it does not collide with an application's own <c>Program</c>.
/// </summary>
internal static class EmulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        EmulatorCommandLine command;
        try
        {
            command = EmulatorCommandLine.Parse(args);
        }
        catch (FormatException error)
        {
            await Console.Error.WriteLineAsync("threadclient-emulator: " + error.Message).ConfigureAwait(false);
            return 2;
        }

        if (command.Help)
        {
            Console.WriteLine(EmulatorCommandLine.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
        ThreadsEmulator emulator;
        try
        {
            emulator = await ThreadsEmulator.StartAsync(command.Options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync("threadclient-emulator: cannot listen: " + error.Message).ConfigureAwait(false);
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            foreach (var address in emulator.BaseAddresses)
            {
                Console.WriteLine($"ThreadClient emulator listening on {address}");
            }

            var first = emulator.BaseAddress;
            Console.WriteLine($"  Perplexity: POST {first}chat/completions, {first}v1/responses   (any Bearer key)");
            Console.WriteLine($"  Aitronos:   POST {first}v1/model/response, {first}v1/threads   (any X-API-Key or Bearer key)");
            if (command.Options.ControlPlane)
            {
                Console.WriteLine($"  Control:    {first}_emulator   (faults, expiry, clock, switches, request log, reset)");
            }

            Console.WriteLine("Stop with Ctrl+C or SIGTERM.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            Console.WriteLine("ThreadClient emulator stopping.");
        }

        return 0;
    }
}
