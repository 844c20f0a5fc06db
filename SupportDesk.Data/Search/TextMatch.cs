namespace SupportDesk.Data.Search;

/// <summary>What the search box's text turned out to be; each is one simple condition the planner can use an index for.</summary>
internal enum TextMatch
{
    /// <summary>Words, phrases, -exclusions and "or", through the full-text index.</summary>
    Words,

    /// <summary>
    /// <see cref="Words"/> among one in <see cref="PostgresSearchModel.SampleBuckets"/> tickets, by id, which on PostgreSQL has an
    /// index of staff documents of its own. Only ever counted: more matches there than a search counts means more overall.
    /// </summary>
    WordsInSample,

    /// <summary>An existing ticket's number: that ticket only.</summary>
    Number,

    /// <summary>(Staff only) a user's email: that customer's tickets.</summary>
    Email,

    /// <summary>No whole word matched: part of a word in the title (the trigram index on PostgreSQL).</summary>
    Partial,

    /// <summary>
    /// Neither words nor part of a title matched: the closest titles, numbers and (staff only) customer emails, as ids
    /// read first by <see cref="TicketTypoSearch"/>. PostgreSQL only; SQLite has no typo tolerance and matches nothing.
    /// </summary>
    Typo,
}
