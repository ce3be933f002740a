namespace ThreadClient.Sessions;

/// <summary>
/// One message of a session's transcript, as the session record keeps it: the role and the text
/// (content parts and extra fields are not kept). It is the conversation itself: keep records where
/// you keep other user data.
/// </summary>
/// <param name="Role">The role: <c>user</c>, <c>assistant</c>, <c>system</c>, ...</param>
/// <param name="Text">The text.</param>
public sealed record TranscriptMessage(string Role, string Text)
{
    /// <summary>The role of a reply: every turn of a transcript ends with one.</summary>
    public const string AssistantRole = "assistant";

    internal bool EndsTurn => Role == AssistantRole;
}
