using System.Runtime.CompilerServices;

namespace ThreadClient.Samples;

/// <summary>Not part of the README's quick start: with no key set, the emulator is started before Program runs.</summary>
internal static class RunOffline
{
    [ModuleInitializer]
    internal static void Start() => _ = Offline.StartIfNoKeyAsync("PERPLEXITY_API_KEY").GetAwaiter().GetResult();
}
