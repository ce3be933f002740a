using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Testing;
using ThreadClient.Tests.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Emulator;

/// <summary>The emulator answering as the deployed Freddy API does (WIRE.md §5), and a session through it.</summary>
public sealed class EmulatorDeployedAitronosTests
{
    private static ThreadsClient Deployed(ThreadsEmulator emulator) => new(new ThreadsClientOptions
    {
        Aitronos =
        {
            ApiKey = TestKeys.Aitronos,
            BaseAddress = emulator.BaseAddress,
            ApiKeyHeader = "Api-Key",
            FieldNaming = AitronosFieldNaming.SnakeCase,
            ThreadField = AitronosThreadField.ThreadId,
        },
    });

    [Theory]
    [InlineData(AitronosReplyShape.EventArray)]
    [InlineData(AitronosReplyShape.SuccessEnvelope)]
    public async Task A_session_on_a_numeric_thread_carries_its_turns_through_the_deployed_reply_shape(AitronosReplyShape shape)
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { AitronosReplyShape = shape });
        using var client = Deployed(emulator);

        var first = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("one") } });
        var session = client.Aitronos.ResumeSession(first.ThreadId!, new AitronosSessionOptions { Model = "gpt-4o" });
        await session.SendAsync("two");
        var third = await session.SendAsync("three");

        Assert.Matches("^[0-9]+$", first.ThreadId);
        Assert.Equal(["one", "two"], EmulatorReplies.EarlierTurns(third.Text));
        Assert.Equal(first.ThreadId, third.ConversationId);
        Assert.Contains($"\"thread_id\":\"{first.ThreadId}\"", emulator.Requests[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deployed_shape_is_an_array_of_events_ending_in_response_completed_with_a_numeric_thread()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { AitronosReplyShape = AitronosReplyShape.EventArray });
        using var http = new HttpClient();

        using var reply = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "v1/model/response"))
        {
            Headers = { { "Api-Key", "k" } },
            Content = new StringContent("""{"model":"gpt-4o","thread_id":356082,"inputs":[{"role":"user","texts":[{"text":"Hi"}],"files":[]}]}"""),
        });
        var events = System.Text.Json.Nodes.JsonNode.Parse(await reply.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(["response.created", "response.in_progress"], events.Take(2).Select(e => e!["event"]!.GetValue<string>()));
        var completed = events[^1]!;
        Assert.Equal(("response.completed", "Echo: Hi [earlier: ]", 356082L), (completed["event"]!.GetValue<string>(), completed["response"]!.GetValue<string>(), completed["threadId"]!.GetValue<long>()));
        Assert.Equal("Echo: Hi [earlier: ]", string.Concat(events.Where(e => e!["event"]!.GetValue<string>() == "response.output_text.delta").Select(e => e!["response"]!.GetValue<string>())));
    }

    [Fact]
    public async Task The_sdk_reads_the_emulators_deployed_shape_as_it_reads_the_recorded_one()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { AitronosReplyShape = AitronosReplyShape.EventArray });
        emulator.Faults.Enqueue("POST", "/v1/model/response", EmulatorFault.Status(200, AitronosDeployedTests.EventArray));
        using var client = Deployed(emulator);

        var recorded = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("Hi") } });

        Assert.Equal(("Hi there, how can I help?", "356082"), (recorded.OutputText, recorded.ThreadId));
    }
}
