using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Search;

/// <summary>The PostgreSQL-only parts of the model that search needs.</summary>
internal static class PostgresSearchModel
{
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
            document.HasOne(d => d.Ticket).WithOne().HasForeignKey<TicketSearchDocument>(d => d.TicketId).OnDelete(DeleteBehavior.Cascade);
        });

        // Partial words and typos on the short fields; long bodies stay with full-text search, where a
        // trigram index would outgrow the table.
        builder.Entity<Ticket>().HasIndex(t => t.Title, "TitleTrigrams").HasDatabaseName("ix_tickets_title_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops");
        builder.Entity<Ticket>().HasIndex(t => t.Number, "NumberTrigrams").HasDatabaseName("ix_tickets_number_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops");
        builder.Entity<AppUser>().HasIndex(u => u.NormalizedEmail, "EmailTrigrams").HasDatabaseName("ix_users_normalized_email_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops");
    }
}
