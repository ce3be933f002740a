using ThreadClient.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Aitronos;

public sealed class AitronosValidationTests
{
    private static ThreadMetadata Metadata(int keys, int keyLength = 5, int valueLength = 5)
    {
        var metadata = new ThreadMetadata();
        for (var i = 0; i < keys; i++)
        {
            metadata[i.ToString("D" + keyLength, System.Globalization.CultureInfo.InvariantCulture)] = new string('v', valueLength);
        }

        return metadata;
    }

    public static TheoryData<string, Action<AitronosResponseRequest>, string> Broken => new()
    {
        { "no inputs", r => r.Inputs.Clear(), "request.Inputs must contain at least one input" },
        { "no model", r => r.Model = "", "request.Model must be set" },
        { "thread and chain", r => { r.Thread = "t"; r.PreviousResponseId = "resp_1"; }, "request.PreviousResponseId cannot be combined with request.Thread" },
        { "empty chain id", r => r.PreviousResponseId = " ", "request.PreviousResponseId is empty" },
        { "17 keys", r => r.Thread = ThreadReference.WithMetadata("t", Metadata(17)), "has 17 keys; the limit is 16 (AitronosOptions.MetadataLimits.MaxKeys)" },
        { "65-char key", r => r.Thread = ThreadReference.WithMetadata("t", Metadata(1, keyLength: 65)), "is 65 characters; the limit is 64 (AitronosOptions.MetadataLimits.MaxKeyLength)" },
        { "513-char value", r => r.Thread = ThreadReference.WithMetadata("t", Metadata(1, valueLength: 513)), "is 513 characters; the limit is 512 (AitronosOptions.MetadataLimits.MaxValueLength)" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Broken_request_fails_before_anything_is_sent(string rule, Action<AitronosResponseRequest> breakIt, string message)
    {
        var handler = new RecordingHandler(RecordingHandler.Json("{}"));
        using var client = RecordingHandler.CreateClient(handler);
        var request = new AitronosResponseRequest { Model = "gpt-4.1", Inputs = { AitronosInput.User("x") } };
        breakIt(request);

        var create = await Assert.ThrowsAsync<ArgumentException>(() => client.Aitronos.CreateResponseAsync(request));
        var stream = Assert.Throws<ArgumentException>(() => client.Aitronos.StreamResponseAsync(request));

        foreach (var ex in new[] { create, stream })
        {
            Assert.Equal("request", ex.ParamName);
            Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        }

        Assert.True(handler.Requests.IsEmpty, rule);
    }

    [Fact]
    public async Task Metadata_over_16_KB_is_refused_on_create_with_the_limit_named()
    {
        var handler = new RecordingHandler(RecordingHandler.Json("{}"));
        using var client = RecordingHandler.CreateClient(handler, o => o.Aitronos.MetadataLimits.MaxValueLength = 0);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Aitronos.Threads.CreateAsync(Metadata(16, valueLength: 1100)));

        Assert.Equal("metadata", ex.ParamName);
        Assert.Contains("the limit is 16384 bytes per thread (AitronosOptions.MetadataLimits.MaxBytes)", ex.Message, StringComparison.Ordinal);
        Assert.True(handler.Requests.IsEmpty);
    }

    [Fact]
    public async Task Limits_are_configurable()
    {
        var handler = new RecordingHandler(RecordingHandler.Json("""{"id":"t"}"""));
        using var client = RecordingHandler.CreateClient(handler, o => o.Aitronos.MetadataLimits = new AitronosMetadataLimits { MaxKeys = 2, MaxBytes = 0, MaxKeyLength = 0, MaxValueLength = 0 });

        await client.Aitronos.Threads.UpdateMetadataAsync("t", Metadata(2, keyLength: 100, valueLength: 2000));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Aitronos.Threads.UpdateMetadataAsync("t", Metadata(3)));

        Assert.Contains("the limit is 2", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Blank_thread_id_is_refused_naming_the_argument()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Aitronos.Threads.GetAsync(" "));

        Assert.Equal("threadId", ex.ParamName);
    }
}
