using ThreadClient.Testing;

namespace ThreadClient.Samples;

/// <summary>
/// Lets a sample run with no key and no network: when a provider key is missing, it starts the local
/// emulator and points the SDK at it through the environment variables the SDK reads
/// (<c>PERPLEXITY_BASE_URL</c>, <c>AITRONOS_BASE_URL</c>). With keys set, the sample talks to the real service.
/// <c>THREADCLIENT_EMULATOR_RETIRED=true</c> makes the emulator answer chat completions as retired, as Perplexity does today.
/// </summary>
internal static class Offline
{
    public static async Task<ThreadsEmulator?> StartIfNoKeyAsync(params string[] keyVariables)
    {
        var missing = keyVariables.Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToArray();
        if (missing.Length == 0)
        {
            Console.WriteLine($"{string.Join(" and ", keyVariables)} set: talking to the real service.");
            return null;
        }

        // THREADCLIENT_EMULATOR_RETIRED=true plays today's Perplexity: chat completions answer 403 "Use /v1/responses".
        var retired = bool.TryParse(Environment.GetEnvironmentVariable("THREADCLIENT_EMULATOR_RETIRED"), out var on) && on;
        var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { PerplexityChatCompletionsRetired = retired });
        foreach (var variable in keyVariables)
        {
            Environment.SetEnvironmentVariable(variable, "offline-key");
        }

        Environment.SetEnvironmentVariable("PERPLEXITY_BASE_URL", emulator.BaseAddress.ToString());
        Environment.SetEnvironmentVariable("AITRONOS_BASE_URL", emulator.BaseAddress.ToString());
        Console.WriteLine($"No {string.Join(" or ", missing)} set: running against the local emulator at {emulator.BaseAddress} (no key, no network).");
        if (retired)
        {
            Console.WriteLine("The emulator plays Perplexity since 2026-09-27: chat completions are retired (403, \"Use /v1/responses instead\"); the Agent API answers.");
        }

        return emulator;
    }
}
