using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity;

public sealed class PerplexityValidationTests : IDisposable
{
    private readonly RecordingHandler _handler = new(RecordingHandler.Json(PerplexitySeed.StartThreadReply));

    public void Dispose() => _handler.Dispose();

    public static TheoryData<string, Action<ChatCompletionRequest>, string> BrokenRequests => new()
    {
        { "no messages", r => r.Messages.Clear(), "request.Messages must contain at least one message" },
        { "null message", r => r.Messages.Add(null!), "request.Messages[1] is null" },
        { "no model", r => r.Model = " ", "request.Model must be set" },
        { "threads on sonar", r => { r.UseThreads = true; r.Model = "sonar"; }, "Threads work only with model 'sonar-pro', but request.Model is 'sonar'" },
        { "thread id not a UUID", r => { r.UseThreads = true; r.ThreadId = "thread_abc"; }, "request.ThreadId must be a UUID" },
        { "thread id without use_threads", r => r.ThreadId = PerplexitySeed.ThreadId, "request.ThreadId is set but request.UseThreads is not true" },
        { "thread id with use_threads false", r => { r.UseThreads = false; r.ThreadId = PerplexitySeed.ThreadId; }, "request.UseThreads is not true" },
    };

    [Theory]
    [MemberData(nameof(BrokenRequests))]
    public async Task Broken_request_fails_before_anything_is_sent(string rule, Action<ChatCompletionRequest> breakIt, string expectedMessage)
    {
        using var client = RecordingHandler.CreateClient(_handler);
        var request = new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } };
        breakIt(request);

        var create = await Assert.ThrowsAsync<ArgumentException>(() => client.Perplexity.CreateChatCompletionAsync(request));
        var stream = Assert.Throws<ArgumentException>(() => client.Perplexity.StreamChatCompletionAsync(request));

        foreach (var ex in new[] { create, stream })
        {
            Assert.Equal("request", ex.ParamName);
            Assert.Contains(expectedMessage, ex.Message, StringComparison.Ordinal);
        }

        Assert.True(_handler.Requests.IsEmpty, rule);
    }

    [Fact]
    public async Task The_thread_id_value_is_not_echoed_in_the_exception()
    {
        using var client = RecordingHandler.CreateClient(_handler);
        var request = new ChatCompletionRequest { UseThreads = true, ThreadId = "secret-thread-value", Messages = { ChatMessage.User("Q") } };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Perplexity.CreateChatCompletionAsync(request));

        Assert.DoesNotContain("secret-thread-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Threading_model_check_can_be_turned_off()
    {
        using var client = RecordingHandler.CreateClient(_handler, o => o.Perplexity.ValidateThreadingModel = false);

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Model = "sonar", UseThreads = true, Messages = { ChatMessage.User("Q") } });

        Assert.Contains("\"model\":\"sonar\",\"use_threads\":true", _handler.OnlyRequest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_true_on_the_non_streaming_call_is_refused()
    {
        using var client = RecordingHandler.CreateClient(_handler);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Stream = true, Messages = { ChatMessage.User("Q") } }));

        Assert.Contains("StreamChatCompletionAsync", ex.Message, StringComparison.Ordinal);
        Assert.True(_handler.Requests.IsEmpty);
    }

    [Fact]
    public async Task Null_request_names_the_argument()
    {
        using var client = RecordingHandler.CreateClient(_handler);

        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Perplexity.CreateChatCompletionAsync(null!));

        Assert.Equal("request", ex.ParamName);
    }

    [Fact]
    public async Task Missing_api_key_says_how_to_set_it_and_sends_nothing()
    {
        var previous = Environment.GetEnvironmentVariable(PerplexityOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(PerplexityOptions.ApiKeyEnvironmentVariable, null);
        try
        {
            using var client = new ThreadsClient(new ThreadsClientOptions(), new HttpClient(_handler));

            var ex = await Assert.ThrowsAsync<ThreadsConfigurationException>(() => client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }));

            Assert.Contains("ThreadsClientOptions.Perplexity.ApiKey", ex.Message, StringComparison.Ordinal);
            Assert.Contains("PERPLEXITY_API_KEY", ex.Message, StringComparison.Ordinal);
            Assert.True(_handler.Requests.IsEmpty);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PerplexityOptions.ApiKeyEnvironmentVariable, previous);
        }
    }

    [Fact]
    public void Relative_base_address_is_refused_naming_the_setting()
    {
        var options = new ThreadsClientOptions { Perplexity = { BaseAddress = new Uri("/v1", UriKind.Relative) } };

        var ex = Assert.Throws<ArgumentException>(() => new ThreadsClient(options));

        Assert.Equal("ThreadsClientOptions.Perplexity.BaseAddress", ex.ParamName);
    }
}
