using System.Security.Cryptography;

namespace SupportDesk.Data.Attachments;

/// <summary>Storage keys: 128 random bits as lowercase hex, so a key can name a file but never a path.</summary>
public static class StorageKeys
{
    public const int Length = 32;

    public static string New() => RandomNumberGenerator.GetHexString(Length, lowercase: true);

    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
