using System.Security.Cryptography;

namespace SupportDesk.Data.Tickets;

/// <summary>Ticket numbers look like <c>TKT-20261125-7QX2</c>: the UTC creation day and four random characters.</summary>
public static class TicketNumber
{
    public const int Length = 17;
    internal const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(DateTime utcNow)
    {
        Span<char> suffix = stackalloc char[4];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"TKT-{utcNow:yyyyMMdd}-{suffix}";
    }
}
