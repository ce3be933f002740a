using System.Diagnostics;
using ThreadClient.Testing;

namespace ThreadClient.Benchmarks;

/// <summary>
/// The loopback benchmarks' server in a process of its own, so that its CPU is not the clients' (this
/// program run with <c>--serve</c>): it answers every request with the seed's reply and prints its address.
/// </summary>
public static class LoopbackServerProcess
{
    public const string Flag = "--serve";

    /// <summary>Serves until stdin closes (the benchmark that started it ended).</summary>
    public static async Task ServeAsync()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using (var reader = new StreamReader(context.Request.Body))
            {
                await reader.ReadToEndAsync();
            }

            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Payloads.SeedReplyBytes);
        });
        Console.WriteLine(server.BaseAddress);
        await Console.In.ReadToEndAsync();
    }

    /// <summary>Starts the server process and returns it with its address.</summary>
    public static (Process Process, Uri BaseAddress) Start()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(LoopbackServerProcess).Assembly.Location);
        start.ArgumentList.Add(Flag);
        var process = Process.Start(start)!;
        return (process, new Uri(process.StandardOutput.ReadLine()!));
    }
}
