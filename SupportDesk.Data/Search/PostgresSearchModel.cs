using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Search;

/// <summary>The PostgreSQL-only parts of the model that search needs.</summary>
internal static class PostgresSearchModel
{
    /// <summary>
    /// Of how many tickets one is in the sample a common word is counted in first (<see cref="TextMatch.WordsInSample"/>). Counting
    /// all matches needs PostgreSQL to gather every one of them from the index before it returns the first; in the sample
    /// that is an eighth of them, and a word in one ticket in a hundred still fills a count there at a million tickets.
    /// </summary>
    public const int SampleBuckets = 8;

    public static void Configure(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<TicketSearchDocument>(document =>
        {
            document.ToTable("ticket_search_documents");
            document.HasKey(d => d.TicketId);
            document.Property(d => d.TicketId).ValueGeneratedNever();
            document.HasIndex(d => d.PublicText).HasMethod("GIN");
            document.HasIndex(d => d.StaffText).HasMethod("GIN");
            document.HasIndex(d => d.StaffText, "StaffTextSample").HasDatabaseName("ix_ticket_search_documents_staff_text_sample").HasMethod("GIN")
                .HasFilter($"ticket_id % {SampleBuckets} = 0");
            document.HasOne(d => d.Ticket).WithOne().HasForeignKey<TicketSearchDocument>(d => d.TicketId).OnDelete(DeleteBehavior.Cascade);
        });

        // Partial words and typos on the short fields; long bodies stay with full-text search, where a
        // trigram index would outgrow the table.
        builder.Entity<Ticket>().HasIndex(t => t.Title, "TitleTrigrams").HasDatabaseName("ix_tickets_title_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops");
        builder.Entity<Ticket>().HasIndex(t => t.Number, "NumberTrigrams").HasDatabaseName("ix_tickets_number_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops");
        builder.Entity<AppUser>().HasIndex(u => u.NormalizedEmail, "EmailTrigrams").HasDatabaseName("ix_users_normalized_email_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops");
    }
}
