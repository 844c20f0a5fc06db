namespace SupportDesk.Data.Search;

/// <summary>What the search box's text turned out to be; each is one simple condition the planner can use an index for.</summary>
internal enum TextMatch
{
    /// <summary>Words, phrases, -exclusions and "or", through the full-text index.</summary>
    Words,

    /// <summary>An existing ticket's number: that ticket only.</summary>
    Number,

    /// <summary>(Staff only) a user's email: that customer's tickets.</summary>
    Email,

    /// <summary>No whole word matched: part of a word, or a typo, in the title (the trigram index on PostgreSQL).</summary>
    Partial,
}
