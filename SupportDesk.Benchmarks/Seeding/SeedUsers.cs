using Microsoft.AspNetCore.Identity;
using SupportDesk.Data.Users;

namespace SupportDesk.Benchmarks.Seeding;

public sealed record SeedUser(string Id, string Email, string FullName, string Role, DateTime CreatedAt);

/// <summary>Customers and agents with stable ids and addresses for one seed.</summary>
public static class SeedUsers
{
    /// <summary>Every generated user signs in with this password.</summary>
    public const string Password = "Seeded-Password-1";

    private static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam",
        "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wim", "Yara",
    ];

    private static readonly string[] LastNames =
    [
        "Andersen", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ivanova", "Jansen",
        "Kowalski", "Larsen", "Meyer", "Novak", "Olsen", "Peters", "Rossi", "Schmidt", "Tanaka", "Weber",
    ];

    public static IReadOnlyList<SeedUser> Create(SeedOptions options, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rng = new Rng((ulong)options.Seed * 7919);
        var users = new List<SeedUser>(options.Agents + options.Customers);
        for (var i = 1; i <= options.Agents; i++)
        {
            users.Add(Next(ref rng, i, "agent", "supportdesk.example", Roles.Agent, now));
        }

        for (var i = 1; i <= options.Customers; i++)
        {
            users.Add(Next(ref rng, i, "customer", "example.com", Roles.Customer, now));
        }

        return users;
    }

    /// <summary>One hash for everyone: hashing is deliberately slow and the users only need to be able to sign in.</summary>
    public static string PasswordHash() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);

    private static SeedUser Next(ref Rng rng, int number, string kind, string domain, string role, DateTime now)
    {
        var first = rng.Pick(FirstNames);
        var last = rng.Pick(LastNames);
        var email = $"{first}.{last}.{kind}{number}@{domain}".ToLowerInvariant();
        return new SeedUser(rng.NextGuid().ToString(), email, $"{first} {last}", role, now.AddDays(-800 - rng.Below(300)));
    }
}
