using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace SupportDesk.Tests.Security;

/// <summary>What an authenticator app shows for a shared key: RFC 6238 codes (HMAC-SHA1, 30-second steps, six digits).</summary>
internal static class AuthenticatorCodes
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The current code for <paramref name="sharedKey"/> as the page shows it (base32, grouped, any case).</summary>
    public static string Now(string sharedKey)
    {
        ArgumentNullException.ThrowIfNull(sharedKey);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238's authenticator codes are defined over SHA-1
        var hash = HMACSHA1.HashData(Decode(sharedKey), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Decode(string sharedKey)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
        {
            buffer = (buffer << 5) | Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
