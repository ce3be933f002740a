using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Emulator.EmulatorPerplexityTests;

namespace ThreadClient.Tests.Emulator;

public sealed class EmulatorFaultAndLimitTests
{
    [Fact]
    public async Task A_delay_fault_holds_the_answer_until_the_emulators_clock_has_moved()
    {
        var clock = new TrackingTimeProvider();
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var client = Client(emulator, clock);
        emulator.Faults.Enqueue("GET", "/v1/threads", EmulatorFault.Wait(TimeSpan.FromSeconds(5)));
        await client.Aitronos.Threads.CreateAsync();

        var call = client.Aitronos.Threads.ListPageAsync();
        await TrackingTimeProvider.WaitUntilAsync(() => emulator.Requests.Count == 2 && clock.PendingTimers >= 2, "the delayed request waits");
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));
        var page = await call;

        Assert.Single(page.Data);
    }

    [Fact]
    public async Task The_message_limit_is_enforced_and_a_session_with_that_limit_rolls_over_before_it()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { MaxMessagesPerThread = 4 });
        using var client = Client(emulator);
        var careless = client.Aitronos.ResumeSession("full_thread", new AitronosSessionOptions { Limits = SessionLimits.None });
        await careless.SendAsync("one");
        await careless.SendAsync("two");

        var refused = await Assert.ThrowsAsync<ThreadsApiException>(() => careless.SendAsync("three"));

        Assert.Equal((HttpStatusCode.BadRequest, "THREAD_MESSAGE_LIMIT"), (refused.StatusCode, refused.ErrorCode));
        var careful = client.Aitronos.StartSession(new AitronosSessionOptions { Limits = SessionLimits.Aitronos with { MaxMessages = 4 } });
        await careful.SendAsync("one");
        await careful.SendAsync("two");
        var third = await careful.SendAsync("three");
        Assert.Equal(ThreadReplacementReason.LimitReached, third.Replacement!.Reason);
    }

    [Fact]
    public async Task A_request_naming_both_a_thread_and_a_previous_response_is_refused_by_the_emulator_too()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-Key", "k");

        var response = await http.PostAsync("v1/model/response", new StringContent("""{"model":"m","thread":"t","previousResponseId":"resp_1","inputs":[{"role":"user","texts":[{"text":"q"}]}]}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"success\":false", body, StringComparison.Ordinal);
        Assert.Contains("cannot be combined", body, StringComparison.Ordinal);
    }
}
