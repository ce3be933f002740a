namespace ThreadClient.Sessions;

/// <summary>The last N turns of a session (its inputs and the reply), kept locally for replay into a new thread.</summary>
internal sealed class SessionTranscript<TMessage>
{
    private readonly Queue<(IReadOnlyList<TMessage> Inputs, TMessage Reply)> _turns = new();
    private readonly int _capacity;

    public SessionTranscript(int capacity) => _capacity = capacity;

    public void Add(IReadOnlyList<TMessage> inputs, TMessage reply)
    {
        lock (_turns)
        {
            _turns.Enqueue((inputs, reply));
            while (_turns.Count > _capacity)
            {
                _turns.Dequeue();
            }
        }
    }

    public List<TMessage> Messages()
    {
        lock (_turns)
        {
            var messages = new List<TMessage>();
            foreach (var (inputs, reply) in _turns)
            {
                messages.AddRange(inputs);
                messages.Add(reply);
            }

            return messages;
        }
    }
}
