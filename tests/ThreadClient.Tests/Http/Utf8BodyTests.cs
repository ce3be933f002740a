using System.Text;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Http;

/// <summary>Request bodies carry non-ASCII text as UTF-8, and metadata is measured as sent.</summary>
public sealed class Utf8BodyTests
{
    private const string Text = "Qu'a gagné «Crash» à Cannes? 東京 <b>&</b>";

    [Fact]
    public async Task Non_ascii_text_is_sent_as_utf8_by_every_provider()
    {
        var perplexity = new RecordingHandler(RecordingHandler.Json("""{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi."}}]}"""));
        var agent = new RecordingHandler(RecordingHandler.Json(AgentWireTests.MinimalReply));
        var aitronos = new RecordingHandler(RecordingHandler.Json("""{"id":"r1","output_text":"Hi."}"""));
        using (var client = RecordingHandler.CreateClient(perplexity))
        {
            await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User(Text) } });
        }

        using (var client = RecordingHandler.CreateClient(agent))
        {
            await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = Text });
        }

        using (var client = RecordingHandler.CreateClient(aitronos))
        {
            await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "m", Inputs = { AitronosInput.User(Text) } });
        }

        foreach (var body in new[] { perplexity.OnlyRequest.Body, agent.OnlyRequest.Body, aitronos.OnlyRequest.Body })
        {
            Assert.Contains("\"" + Text + "\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metadata_is_measured_in_utf8_bytes_as_sent_not_in_escapes()
    {
        // 16 values of 400 accented letters: 12,800 bytes of UTF-8 (38,400 as \u00e9 escapes), under the 16 KB limit.
        var metadata = new ThreadMetadata();
        for (var i = 0; i < 16; i++)
        {
            metadata["k" + i] = new string('é', 400);
        }

        var handler = new RecordingHandler(RecordingHandler.Json("""{"id":"th_1","metadata":{}}"""));
        using var client = RecordingHandler.CreateClient(handler);

        await client.Aitronos.Threads.CreateAsync(metadata);

        var sent = Encoding.UTF8.GetByteCount(handler.OnlyRequest.Body);
        Assert.InRange(sent, 12_800, 16 * 1024);
    }

    [Fact]
    public async Task Metadata_over_the_limit_in_utf8_bytes_is_refused_with_its_size_before_sending()
    {
        var metadata = new ThreadMetadata();
        for (var i = 0; i < 16; i++)
        {
            metadata["k" + i] = new string('é', 512);
        }

        var handler = new RecordingHandler(RecordingHandler.Json("""{"id":"th_1"}"""));
        using var client = RecordingHandler.CreateClient(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Aitronos.Threads.CreateAsync(metadata));

        Assert.Contains("bytes as JSON (UTF-8, as sent)", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }
}
