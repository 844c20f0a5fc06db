using System.Security.Cryptography;

namespace SupportDesk.Data.Tickets;

/// <summary>Ticket numbers look like <c>TKT-20261125-7QX2</c>: the UTC creation day and four random characters.</summary>
public static class TicketNumber
{
    public const int Length = 17;
    private const string Prefix = "TKT-";
    internal const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(DateTime utcNow)
    {
        Span<char> suffix = stackalloc char[4];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{Prefix}{utcNow:yyyyMMdd}-{suffix}";
    }

    /// <summary>Whether <paramref name="upper"/> (trimmed, upper case) has the shape of a ticket number, so looking it up could find one.</summary>
    public static bool CouldBe(string upper) => upper.Length == Length && upper.StartsWith(Prefix, StringComparison.Ordinal);
}
