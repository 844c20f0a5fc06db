namespace SupportDesk.Data.ApiTokens;

/// <summary>What a user asks for when making a token: a name to recognise it by and an optional expiry (UTC).</summary>
public sealed record NewApiToken(string Name, DateTime? ExpiresAt = null);

/// <summary>A token just made. <paramref name="Secret"/> exists only in this value: it is never stored or shown again.</summary>
public sealed record CreatedApiToken(long Id, string Name, string Prefix, string Secret, DateTime CreatedAt, DateTime? ExpiresAt);

/// <summary>One of the user's own live tokens, as listed on the profile page: never the secret.</summary>
public sealed record ApiTokenRow(long Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt);
