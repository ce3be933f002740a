using System.Text;
using System.Text.Json;
using ThreadClient.Perplexity;
using ThreadClient.Serialization;

namespace ThreadClient.Tests.Perplexity;

/// <summary>Perplexity replies read through their tables: every field read, and the fold's own reading of the choices.</summary>
public sealed class PerplexityReadTests
{
    private static ChatCompletionChunk Read(string json) => Wire.Parse<ChatCompletionChunk>(Encoding.UTF8.GetBytes(json));

    private static ChatCompletion Fold(params string[] events)
    {
        var builder = new ChatCompletionBuilder();
        foreach (var json in events)
        {
            builder.AppendEvent(Encoding.UTF8.GetBytes(json));
        }

        return builder.Build();
    }

    [Fact]
    public void A_full_mode_chunk_enumerated_by_the_caller_keeps_its_delta_and_the_message_as_sent()
    {
        var chunk = Read("""
            {"id":"s1","object":"chat.completion.chunk","created":1700000000,"model":"sonar-pro","thread_id":"t-1",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hello, wor"},"delta":{"role":"assistant","content":"wor"},"finish_reason":null,"logprobs":null}],
             "citations":["https://a.example"],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3},
             "search_results":[{"title":"A","url":"https://a.example"}],"related_questions":["q?"],"images":[{"x":1}],"brand_new":{"k":true}}
            """);

        var choice = Assert.Single(chunk.Choices);
        Assert.Equal(("s1", "chat.completion.chunk", 1700000000L, "sonar-pro", "t-1"), (chunk.Id, chunk.ObjectType, chunk.Created, chunk.Model, chunk.ThreadId));
        Assert.Equal(("assistant", "wor"), (choice.Delta!.Role, choice.Delta.Content!.Text));
        Assert.Equal("Hello, wor", choice.Message!.Content!.Text);
        Assert.True(choice.AdditionalProperties!.ContainsKey("logprobs"));
        Assert.Equal(["https://a.example"], chunk.Citations);
        Assert.Equal(3, chunk.Usage!.TotalTokens);
        Assert.Equal("A", chunk.SearchResults![0].Title);
        Assert.Equal(["q?"], chunk.RelatedQuestions);
        Assert.Equal(1, chunk.Images!.Value[0].GetProperty("x").GetInt32());
        Assert.True(chunk.AdditionalProperties!["brand_new"].GetProperty("k").GetBoolean());
    }

    [Fact]
    public void A_repeated_id_stays_one_instance_when_new_values_arrive_after_it()
    {
        // On a thread of its own, the ring of recent values starts empty: "s1", then three other ids,
        // leave "s1" the oldest. Read again, it must become the newest, so that the next new value
        // ("t-1") replaces another one, and the next chunk's "s1" is still the same instance.
        (string? First, string? Second) ids = default;
        var thread = new Thread(() =>
        {
            Read("""{"id":"s1","choices":[]}""");
            Read("""{"id":"a","choices":[]}""");
            Read("""{"id":"b","choices":[]}""");
            Read("""{"id":"c","choices":[]}""");
            var first = Read("""{"id":"s1","thread_id":"t-1","choices":[]}""");
            var second = Read("""{"id":"s1","thread_id":"t-1","choices":[]}""");
            ids = (first.Id, second.Id);
        });
        thread.Start();
        thread.Join();

        Assert.Equal("s1", ids.First);
        Assert.Same(ids.First, ids.Second);
    }

    [Fact]
    public void A_chunk_without_a_delta_keeps_its_message_whatever_the_field_order()
    {
        var chunk = Read("""{"choices":[{"message":{"role":"assistant","content":[{"type":"text","text":"All "},{"type":"text","text":"at once"}],"extra":1},"index":0,"finish_reason":"stop"}]}""");

        var choice = Assert.Single(chunk.Choices);
        Assert.Equal(("All at once", "stop"), (choice.Message!.Content!.Text, choice.FinishReason));
        Assert.True(choice.Message.AdditionalProperties!.ContainsKey("extra"));
    }

    [Fact]
    public void Repeated_ids_are_the_same_string_instances_across_chunks()
    {
        var first = Read("""{"id":"s1","model":"sonar-pro","thread_id":"t-1","choices":[]}""");
        var second = Read("""{"id":"s1","model":"sonar-pro","thread_id":"t-1","choices":[]}""");
        var third = Read("""{"id":"s1","model":"sonar-pro","thread_id":"t-2","choices":[]}""");

        Assert.Same(first.Id, second.Id);
        Assert.Same(first.Model, second.Model);
        Assert.Same(first.ThreadId, second.ThreadId);
        Assert.Equal("t-2", third.ThreadId);
    }

    [Fact]
    public void Usage_keeps_unknown_fields_and_reads_a_null_count_as_absent()
    {
        var chunk = Read("""{"usage":{"prompt_tokens":null,"completion_tokens":2,"total_tokens":2,"citation_tokens":null,"reasoning_tokens":7,"brand_new":{"k":5}}}""");

        var usage = chunk.Usage!;
        Assert.Equal((0, 2, 2, null, 7), (usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens, usage.CitationTokens, usage.ReasoningTokens));
        Assert.Equal(5, usage.AdditionalProperties!["brand_new"].GetProperty("k").GetInt32());
        Assert.Null(usage.Cost);
    }

    [Fact]
    public void A_whole_completion_keeps_both_its_message_and_a_stray_delta()
    {
        var completion = Wire.Parse<ChatCompletion>(Encoding.UTF8.GetBytes("""{"object":"chat.completion","choices":[{"message":{"role":"assistant","content":"All"},"delta":{"content":"A"},"index":0}]}"""));

        Assert.Equal(("All", "A"), (completion.Choices[0].Message!.Content!.Text, completion.Choices[0].Delta!.Content!.Text));
        Assert.Equal("chat.completion", completion.ObjectType);
    }

    [Theory]
    [InlineData("""{"usage":[1]}""")]
    [InlineData("[1,2]")]
    [InlineData("""{"choices":{"index":0}}""")]
    [InlineData("""{"choices":[{"delta":"text"}]}""")]
    [InlineData("""{"choices":[{"message":42}]}""")]
    public void Malformed_chunks_raise_a_json_error_whether_read_or_folded(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json));
        Assert.ThrowsAny<JsonException>(() => Fold(json));
    }

    [Fact]
    public void A_count_in_a_string_is_read_and_one_with_a_real_fraction_is_absent_instead_of_rounded()
    {
        var chunk = Read("""{"usage":{"prompt_tokens":"12","completion_tokens":45.0,"total_tokens":1.5}}""");

        Assert.Equal((12, 45, 0), (chunk.Usage!.PromptTokens, chunk.Usage.CompletionTokens, chunk.Usage.TotalTokens));
    }

    [Fact]
    public void The_fold_takes_the_delta_whatever_the_field_order_and_the_message_only_when_no_delta_came()
    {
        var folded = Fold(
            """{"id":"s1","model":"sonar-pro","choices":[{"delta":{"content":"Hel"},"message":{"content":"Hel"},"index":0}]}""",
            """{"id":"s1","choices":[{"message":{"content":"Hello"},"index":0,"delta":{"role":"assistant","content":"lo"}}]}""",
            """{"id":"s1","choices":[{"index":1,"message":{"role":"assistant","content":"Other"},"finish_reason":"stop"}],"usage":{"total_tokens":3},"brand_new":1}""");

        Assert.Equal(("s1", "sonar-pro", 3), (folded.Id, folded.Model, folded.Usage!.TotalTokens));
        Assert.Equal(["Hello", "Other"], folded.Choices.Select(c => c.Message!.Content!.Text));
        Assert.Equal("stop", folded.Choices[1].FinishReason);
        Assert.Equal(1, folded.AdditionalProperties!["brand_new"].GetInt32());
    }

    [Fact]
    public void A_completion_serializes_to_its_wire_form_and_reads_back_the_same()
    {
        const string Json = """{"id":"c1","object":"chat.completion","created":1700000000,"model":"sonar-pro","thread_id":"t-1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi","x":1},"finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"cost":{"total_cost":0.5}},"citations":["https://a.example"],"search_results":[{"title":"A","url":"https://a.example"}],"images":[{"x":1}],"brand_new":true}""";

        var completion = JsonSerializer.Deserialize<ChatCompletion>(Json)!;

        Assert.Equal(Json, JsonSerializer.Serialize(completion));
        Assert.Equal("Hi", completion.Content);
    }
}
