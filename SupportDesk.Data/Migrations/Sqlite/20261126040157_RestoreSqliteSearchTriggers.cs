using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RestoreSqliteSearchTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SlaPolicies added a foreign key to tickets, which SQLite does by rebuilding the table at the end of that
            // migration; the rebuild dropped the table's search triggers. This puts them back and re-reads the index.
            migrationBuilder.Sql(RestoreTicketSearchTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The triggers belong to TicketSearch, whose Down drops them.
        }

        /// <summary>The ticket triggers of the TicketSearch migration, and the index rebuilt from the tickets as they now are.</summary>
        private const string RestoreTicketSearchTriggers = """
            CREATE TRIGGER IF NOT EXISTS tickets_search_insert AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_search (rowid, title, description, replies, notes) VALUES (NEW.id, NEW.title, NEW.description, '', '');
            END;
            CREATE TRIGGER IF NOT EXISTS tickets_search_update AFTER UPDATE OF title, description ON tickets BEGIN
                UPDATE ticket_search SET title = NEW.title, description = NEW.description WHERE rowid = NEW.id;
            END;
            CREATE TRIGGER IF NOT EXISTS tickets_search_delete AFTER DELETE ON tickets BEGIN
                DELETE FROM ticket_search WHERE rowid = OLD.id;
            END;

            DELETE FROM ticket_search;
            INSERT INTO ticket_search (rowid, title, description, replies, notes)
            SELECT t.id, t.title, t.description,
                coalesce((SELECT group_concat(content, ' ') FROM comments c WHERE c.ticket_id = t.id AND NOT c.is_internal), ''),
                coalesce((SELECT group_concat(content, ' ') FROM comments c WHERE c.ticket_id = t.id AND c.is_internal), '')
            FROM tickets t;
            """;
    }
}
