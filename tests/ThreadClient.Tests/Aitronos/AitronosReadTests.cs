using System.Text.Json;
using ThreadClient.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Aitronos;

public sealed class AitronosReadTests
{
    private static async Task<AitronosResponse> ReadReply(string json)
    {
        var handler = new RecordingHandler(RecordingHandler.Json(json));
        using var client = RecordingHandler.CreateClient(handler);
        return await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "m", Inputs = { AitronosInput.User("x") } });
    }

    [Theory]
    [InlineData("""{"id":"r1","thread_id":"t1","output":[{"type":"message","content":[{"type":"output_text","text":"Hel"},{"type":"output_text","text":"lo"}]}]}""")]
    [InlineData("""{"response_id":"r1","threadId":"t1","response":"Hello"}""")]
    [InlineData("""{"response_id":"r1","thread_id":"t1","response":[{"text":"Hel"},{"text":"lo"}]}""")]
    [InlineData("""{"id":"r1","thread":{"id":"t1"},"choices":[{"index":0,"message":{"role":"assistant","content":"Hello"}}]}""")]
    [InlineData("""{"id":"r1","thread":"t1","output_text":"Hello"}""")]
    public async Task Every_known_reply_shape_gives_the_same_id_thread_and_text(string json)
    {
        var reply = await ReadReply(json);

        Assert.Equal(("r1", "t1", "Hello"), (reply.Id, reply.ThreadId, reply.OutputText));
        Assert.Null(reply.AdditionalProperties);
    }

    [Theory]
    [InlineData("""{"response_id":"r2","id":"r1","threadId":"t2","thread_id":"t1","response":"no","output_text":"Hello"}""")]
    [InlineData("""{"id":"r1","response_id":"r2","thread_id":"t1","threadId":"t2","output_text":"Hello","response":"no"}""")]
    [InlineData("""{"id":null,"response_id":"r1","thread_id":{"x":1},"thread":{"id":"t1"},"output_text":{"x":1},"output":[{"content":[{"text":"Hello"}]}]}""")]
    public async Task The_first_spelling_present_wins_in_any_order_and_a_null_or_unreadable_one_gives_way(string json)
    {
        var reply = await ReadReply(json);

        Assert.Equal(("r1", "t1", "Hello"), (reply.Id, reply.ThreadId, reply.OutputText));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"Hello\"")]
    [InlineData("{\"id\":\"r1\"} {}")]
    public async Task A_reply_that_is_not_one_object_is_an_unreadable_reply(string json)
    {
        var ex = await Assert.ThrowsAsync<ThreadsResponseException>(() => ReadReply(json));

        Assert.Equal("unreadable_reply", ex.Error.Code);
    }

    [Fact]
    public void A_response_serializes_to_its_wire_form_and_reads_back_the_same()
    {
        var reply = JsonSerializer.Deserialize<AitronosResponse>("""{"response_id":"r1","thread":{"id":"t1"},"response":[{"text":"Hel"},{"text":"lo"}],"createdAt":1736159400,"usage":{"prompt_tokens":1},"extra":[1]}""")!;

        var json = JsonSerializer.Serialize(reply);

        Assert.Equal("""{"id":"r1","created_at":"2025-01-06T10:30:00+00:00","thread_id":"t1","response":[{"text":"Hel"},{"text":"lo"}],"usage":{"input_tokens":1},"extra":[1]}""", json);
        var back = JsonSerializer.Deserialize<AitronosResponse>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal("Hello", back.OutputText);
    }

    [Theory]
    [InlineData("""{"id":"r1","output":[{"type":"message","id":"msg_1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Hi","annotations":[{"type":"url_citation","url":"https://a.example"}]}]}]}""", "Hi")]
    [InlineData("""{"id":"r1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi","toolCalls":[]},"finishReason":"stop"}]}""", "Hi")]
    [InlineData("""{"id":"r1","response":"Hi","threadId":356082}""", "Hi")]
    [InlineData("""{"id":"r1","output_text":"Hi","output":[{"type":"message","content":[{"type":"output_text","text":"ignored"}]}]}""", "Hi")]
    public void The_fields_the_text_comes_from_are_kept_whole_so_the_reply_serializes_back(string body, string text)
    {
        var reply = JsonSerializer.Deserialize<AitronosResponse>(body)!;

        Assert.Equal(text, reply.OutputText);
        Assert.Equal(Json.Canonical(body.Replace("\"threadId\":356082", "\"thread_id\":\"356082\"", StringComparison.Ordinal)), Json.Canonical(JsonSerializer.Serialize(reply)));
    }

    [Fact]
    public async Task Usage_status_model_and_raw_json_are_kept()
    {
        var reply = await ReadReply("""{"id":"r1","model":"gpt-4.1","status":"completed","created_at":1736159400,"usage":{"input_tokens":10,"output_tokens":20,"total_tokens":30},"extra":{"a":1}}""");

        Assert.Equal((10L, 20L, 30L), (reply.Usage!.InputTokens!.Value, reply.Usage.OutputTokens!.Value, reply.Usage.TotalTokens!.Value));
        Assert.Equal(("gpt-4.1", "completed"), (reply.Model, reply.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1736159400), reply.CreatedAt);
        Assert.Equal(1, reply.AdditionalProperties!["extra"].GetProperty("a").GetInt32());
        Assert.Single(reply.AdditionalProperties);
    }

    [Fact]
    public async Task Usage_in_prompt_completion_names_is_read_too()
    {
        var reply = await ReadReply("""{"id":"r1","usage":{"prompt_tokens":1,"completion_tokens":2,"totalTokens":3}}""");

        Assert.Equal((1L, 2L, 3L), (reply.Usage!.InputTokens!.Value, reply.Usage.OutputTokens!.Value, reply.Usage.TotalTokens!.Value));
    }

    [Theory]
    [InlineData("""{"id":"th_1","created_at":"2025-01-06T10:30:00Z","updated_at":1736159400,"metadata":{"userId":"u1","rating":5},"state":"locked","status":"active","message_count":4,"visible_in_ui":false,"title":"Billing"}""")]
    [InlineData("""{"id":"th_1","createdAt":1736159400,"updatedAt":"2025-01-06T10:30:00+00:00","metadata":{"userId":"u1","rating":5},"state":"LOCKED","status":"active","messageCount":4,"visibleInUi":false,"title":"Billing"}""")]
    public async Task Threads_are_read_in_both_casings_and_timestamp_forms(string json)
    {
        var handler = new RecordingHandler(RecordingHandler.Json(json));
        using var client = RecordingHandler.CreateClient(handler);

        var thread = await client.Aitronos.Threads.GetAsync("th_1");

        var expected = new DateTimeOffset(2025, 1, 6, 10, 30, 0, TimeSpan.Zero);
        Assert.Equal("th_1", thread.Id);
        Assert.Equal(expected, thread.CreatedAt);
        Assert.Equal(expected, thread.UpdatedAt);
        Assert.Equal(ThreadLifecycleState.Locked, thread.State);
        Assert.Equal("active", thread.Status);
        Assert.Equal(4, thread.MessageCount);
        Assert.False(thread.VisibleInUi);
        Assert.Equal("Billing", thread.Title);
        Assert.Equal("u1", thread.Metadata["userId"].ToString());
        Assert.Equal(5, thread.Metadata["rating"].Json.GetInt32());
    }

    [Fact]
    public async Task Unknown_state_is_read_as_unknown_not_an_error()
    {
        var handler = new RecordingHandler(RecordingHandler.Json("""{"id":"th_1","state":"frozen"}"""));
        using var client = RecordingHandler.CreateClient(handler);

        var thread = await client.Aitronos.Threads.GetAsync("th_1");

        Assert.Equal(ThreadLifecycleState.Unknown, thread.State);
    }

    [Theory]
    [InlineData("""{"data":[{"id":"m1","role":"user","content":"Hi","created_at":1}],"first_id":"m1","last_id":"m2","has_more":true}""")]
    [InlineData("""{"data":[{"id":"m1","role":"user","texts":[{"text":"Hi"}],"createdAt":1}],"firstId":"m1","lastId":"m2","hasMore":true}""")]
    [InlineData("""{"data":[{"id":"m1","role":"user","content":[{"type":"text","text":"Hi"}],"created_at":"1970-01-01T00:00:01Z"}],"firstId":"m1","last_id":"m2","hasMore":true}""")]
    public async Task Message_pages_are_read_in_both_casings(string json)
    {
        var handler = new RecordingHandler(RecordingHandler.Json(json));
        using var client = RecordingHandler.CreateClient(handler);

        var page = await client.Aitronos.Threads.ListMessagesPageAsync("th_1");

        var message = Assert.Single(page.Data);
        Assert.Equal(("m1", "user", "Hi"), (message.Id, message.Role, message.Text));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1), message.CreatedAt);
        Assert.Equal(("m1", "m2", true), (page.FirstId, page.LastId, page.HasMore));
    }

    [Fact]
    public async Task Listing_pages_through_every_page_with_after_cursors()
    {
        var handler = new RecordingHandler((request, _) =>
        {
            var after = System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["after"];
            return after switch
            {
                null => RecordingHandler.Json("""{"data":[{"id":"t1"},{"id":"t2"}],"last_id":"t2","has_more":true}"""),
                "t2" => RecordingHandler.Json("""{"data":[{"id":"t3"},{"id":"t4"}],"lastId":"t4","hasMore":true}"""),
                _ => RecordingHandler.Json("""{"data":[{"id":"t5"}],"last_id":"t5","has_more":false}"""),
            };
        });
        using var client = RecordingHandler.CreateClient(handler);
        var options = new ListThreadsOptions { Limit = 2, Order = "asc", VisibleInUi = false };

        var ids = new List<string>();
        await foreach (var thread in client.Aitronos.Threads.ListAsync(options))
        {
            ids.Add(thread.Id);
        }

        Assert.Equal(["t1", "t2", "t3", "t4", "t5"], ids);
        Assert.Equal(
            ["?limit=2&order=asc&visible_in_ui=false", "?limit=2&order=asc&after=t2&visible_in_ui=false", "?limit=2&order=asc&after=t4&visible_in_ui=false"],
            handler.Requests.Select(r => r.Uri.Query));
        Assert.Null(options.After);
    }

    [Fact]
    public async Task Listing_with_before_pages_backwards_over_before_cursors()
    {
        var handler = new RecordingHandler((request, _) =>
        {
            var before = System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["before"];
            return before switch
            {
                "t9" => RecordingHandler.Json("""{"data":[{"id":"t7"},{"id":"t8"}],"first_id":"t7","last_id":"t8","has_more":true}"""),
                "t7" => RecordingHandler.Json("""{"data":[{"id":"t5"},{"id":"t6"}],"firstId":"t5","lastId":"t6","hasMore":true}"""),
                _ => RecordingHandler.Json("""{"data":[{"id":"t4"}],"first_id":"t4","last_id":"t4","has_more":false}"""),
            };
        });
        using var client = RecordingHandler.CreateClient(handler);

        var threads = new List<string>();
        await foreach (var thread in client.Aitronos.Threads.ListAsync(new ListThreadsOptions { Limit = 2, Before = "t9" }))
        {
            threads.Add(thread.Id);
        }

        var messages = new List<string>();
        await foreach (var message in client.Aitronos.Threads.ListMessagesAsync("th_1", new ListOptions { Limit = 2, Before = "t9" }))
        {
            messages.Add(message.Id!);
        }

        Assert.Equal(["t7", "t8", "t5", "t6", "t4"], threads);
        Assert.Equal(threads, messages);
        Assert.Equal(["?limit=2&before=t9", "?limit=2&before=t7", "?limit=2&before=t5"], handler.Requests.Take(3).Select(r => r.Uri.Query));
        Assert.Equal(["?limit=2&before=t9", "?limit=2&before=t7", "?limit=2&before=t5"], handler.Requests.Skip(3).Select(r => r.Uri.Query));
    }

    [Fact]
    public async Task Listing_with_after_and_before_keeps_the_before_end_of_the_window()
    {
        var handler = new RecordingHandler((request, i) => i == 0
            ? RecordingHandler.Json("""{"data":[{"id":"t2"}],"last_id":"t2","has_more":true}""")
            : RecordingHandler.Json("""{"data":[{"id":"t3"}],"last_id":"t3","has_more":false}"""));
        using var client = RecordingHandler.CreateClient(handler);

        await foreach (var thread in client.Aitronos.Threads.ListAsync(new ListThreadsOptions { After = "t1", Before = "t4" }))
        {
        }

        Assert.Equal(["?after=t1&before=t4", "?after=t2&before=t4"], handler.Requests.Select(r => r.Uri.Query));
    }

    [Fact]
    public async Task Listing_messages_pages_through_too()
    {
        var handler = new RecordingHandler((request, i) => i == 0
            ? RecordingHandler.Json("""{"data":[{"id":"m1","content":"a"}],"last_id":"m1","has_more":true}""")
            : RecordingHandler.Json("""{"data":[{"id":"m2","content":"b"}],"last_id":"m2","has_more":false}"""));
        using var client = RecordingHandler.CreateClient(handler);

        var texts = new List<string?>();
        await foreach (var message in client.Aitronos.Threads.ListMessagesAsync("th_1"))
        {
            texts.Add(message.Text);
        }

        Assert.Equal(["a", "b"], texts);
        Assert.Equal("/v1/threads/th_1/messages?after=m1", handler.Requests.Last().Uri.PathAndQuery);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void List_limit_outside_1_to_100_is_refused(int limit)
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler());

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => client.Aitronos.Threads.ListAsync(new ListThreadsOptions { Limit = limit }));

        Assert.Equal("options", ex.ParamName);
    }

    [Theory]
    [InlineData(System.Net.HttpStatusCode.NoContent, "", true)]
    [InlineData(System.Net.HttpStatusCode.OK, """{"id":"th_1","deleted":true}""", true)]
    [InlineData(System.Net.HttpStatusCode.OK, """{"id":"th_1","deleted":false}""", false)]
    public async Task Delete_understands_204_and_the_deleted_object(System.Net.HttpStatusCode status, string body, bool expected)
    {
        var handler = new RecordingHandler(new HttpResponseMessage(status) { Content = new StringContent(body) });
        using var client = RecordingHandler.CreateClient(handler);

        var deleted = await client.Aitronos.Threads.DeleteAsync("th_1");

        Assert.Equal(expected, deleted);
        Assert.Equal(HttpMethod.Delete, handler.OnlyRequest.Method);
        Assert.Equal("/v1/threads/th_1", handler.OnlyRequest.Uri.AbsolutePath);
    }

    [Theory]
    [InlineData("delete", "<html>oops</html>")]
    [InlineData("delete", """{"deleted":""")]
    [InlineData("delete", "[true]")]
    [InlineData("patch", "<html>oops</html>")]
    [InlineData("patch", """{"id":"th_1","metadata":""")]
    public async Task A_delete_or_patch_reply_that_is_not_the_model_is_an_unreadable_reply_with_its_body(string call, string body)
    {
        var handler = new RecordingHandler(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body) });
        using var client = RecordingHandler.CreateClient(handler);

        var ex = await Assert.ThrowsAsync<ThreadsResponseException>(() => call == "delete"
            ? client.Aitronos.Threads.DeleteAsync("th_1")
            : client.Aitronos.Threads.UpdateMetadataAsync("th_1", new ThreadMetadata { ["topic"] = "films" }));

        Assert.Equal(("unreadable_reply", body), (ex.Error.Code, ex.Error.RawBody));
    }

    [Fact]
    public async Task A_delete_answered_with_an_error_envelope_and_status_200_is_the_mapped_error()
    {
        var handler = new RecordingHandler(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StringContent("""{"success":false,"error":{"code":"THREAD_NOT_FOUND","message":"Thread th_1 not found","status":404}}"""),
        });
        using var client = RecordingHandler.CreateClient(handler);

        await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Aitronos.Threads.DeleteAsync("th_1"));
    }
}
