namespace ThreadClient.Testing;

/// <summary>How the emulator's Aitronos <c>POST /v1/model/response</c> answers a request without <c>stream</c>.</summary>
public enum AitronosReplyShape
{
    /// <summary>One response object, as the product document shows (the default).</summary>
    Seed = 0,

    /// <summary>
    /// As the deployed Freddy API (<c>freddy-api.aitronos.ch</c>) does: a JSON array of the stream's events
    /// (<c>response.created</c>, <c>response.in_progress</c>, a <c>response.output_text.delta</c> per piece with
    /// its text in <c>response</c>, and <c>response.completed</c> with the whole text and a numeric <c>threadId</c>);
    /// threads the emulator creates get numeric ids.
    /// </summary>
    EventArray,

    /// <summary>As <see cref="EventArray"/>, wrapped as <c>{"success":true,"data":[...]}</c>.</summary>
    SuccessEnvelope,
}
