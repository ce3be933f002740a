namespace ThreadClient.Testing;

/// <summary>
/// Standalone: <c>dotnet run --project src/ThreadClient.Testing [-- --port 5080]</c> prints the address and
/// serves until Ctrl+C, so that clients in any language can be pointed at it. Internal, so that it does not
/// collide with an application's own <c>Program</c> (for example in <c>WebApplicationFactory&lt;Program&gt;</c>).
/// </summary>
internal static class EmulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var port = 0;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--port" && !int.TryParse(args[i + 1], out port))
            {
                Console.Error.WriteLine("--port needs a number.");
                return 2;
            }
        }

        var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { Port = port }).ConfigureAwait(false);
        await using var stopping = emulator.ConfigureAwait(false);
        Console.WriteLine($"ThreadClient emulator listening on {emulator.BaseAddress}");
        Console.WriteLine($"  Perplexity: POST {emulator.BaseAddress}chat/completions   (any Bearer key)");
        Console.WriteLine($"  Aitronos:   POST {emulator.BaseAddress}v1/model/response, {emulator.BaseAddress}v1/threads   (any X-API-Key)");
        Console.WriteLine("Press Ctrl+C to stop.");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
