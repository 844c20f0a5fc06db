using SupportDesk.Data.Tickets;

namespace SupportDesk.Tests.Tickets;

/// <summary>Hands out the given ticket numbers in order, so a test can force a clash with a stored ticket.</summary>
internal sealed class ScriptedNumbers(params string[] numbers) : TicketNumbers
{
    private readonly Queue<string> queue = new(numbers);

    public override string Allocate(DateTime utcNow) => queue.Dequeue();
}
