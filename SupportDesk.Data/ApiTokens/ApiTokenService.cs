using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.ApiTokens;

/// <summary>
/// Personal API tokens: made, listed and revoked by their owner, and checked on every API request that sends one.
/// The database keeps only a SHA-256 hash of each secret, so a leaked database holds no usable token.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public const string SecretPrefix = "sdk_";

    /// <summary>Characters of the secret kept in clear, enough for an owner to tell tokens apart and nowhere near enough to guess the rest.</summary>
    internal const int PrefixLength = 10;

    /// <summary>Last-use times are a hint for owners, not an access log: writing one per request would turn every read into a write.</summary>
    internal static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const int SecretBytes = 32;

    public async Task<ServiceResult<CreatedApiToken>> CreateAsync(Actor actor, NewApiToken input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = input.Name?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (name.Length is 0 or > ApiToken.NameMaxLength)
        {
            errors.Add(new FieldError("name", $"Name is required and at most {ApiToken.NameMaxLength} characters."));
        }

        if (input.ExpiresAt is { } expires && expires <= now)
        {
            errors.Add(new FieldError("expiresAt", "The expiry must be in the future."));
        }

        if (errors.Count > 0)
        {
            return ServiceResult<CreatedApiToken>.Invalid(errors);
        }

        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var token = new ApiToken
        {
            UserId = actor.UserId,
            Name = name,
            TokenHash = Hash(secret),
            Prefix = secret[..PrefixLength],
            ExpiresAt = input.ExpiresAt,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<CreatedApiToken>.Ok(new CreatedApiToken(token.Id, token.Name, token.Prefix, secret, token.CreatedAt, token.ExpiresAt));
    }

    /// <summary>The actor's own tokens that are not revoked, newest first; expired ones stay listed so their owner can see why they stopped.</summary>
    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == actor.UserId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the actor's own tokens; anyone else's looks missing.</summary>
    public async Task<ServiceResult<ApiTokenRow>> RevokeAsync(Actor actor, long tokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == actor.UserId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return ServiceResult<ApiTokenRow>.Missing("Token");
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<ApiTokenRow>.Ok(new ApiTokenRow(token.Id, token.Name, token.Prefix, token.CreatedAt, token.LastUsedAt, token.ExpiresAt));
    }

    /// <summary>
    /// The id of the user a secret belongs to, or null when it is unknown, revoked, expired or its user is deactivated.
    /// Runs on every request, so revoking a token or deactivating its user takes effect on the next one.
    /// </summary>
    public async Task<string?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now) && t.User!.IsActive)
            .Select(t => new { t.Id, t.UserId, t.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (token is null)
        {
            return null;
        }

        var stale = now - LastUsedResolution;
        if (token.LastUsedAt is null || token.LastUsedAt <= stale)
        {
            // The condition is repeated in SQL so that concurrent requests write the time once.
            await db.ApiTokens
                .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return token.UserId;
    }

    /// <summary>Lower-case hex SHA-256: the secret is 256 random bits, so a fast unsalted hash is enough (no dictionary to attack).</summary>
    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
