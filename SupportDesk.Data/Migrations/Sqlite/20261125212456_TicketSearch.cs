using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TicketSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite's search is an FTS5 index with one row per ticket (rowid = ticket id), kept by triggers.
            // Customers match the first three columns; staff match notes as well.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ticket_search USING fts5(title, description, replies, notes, tokenize = 'porter unicode61');

                CREATE TRIGGER tickets_search_insert AFTER INSERT ON tickets BEGIN
                    INSERT INTO ticket_search (rowid, title, description, replies, notes) VALUES (NEW.id, NEW.title, NEW.description, '', '');
                END;
                CREATE TRIGGER tickets_search_update AFTER UPDATE OF title, description ON tickets BEGIN
                    UPDATE ticket_search SET title = NEW.title, description = NEW.description WHERE rowid = NEW.id;
                END;
                CREATE TRIGGER tickets_search_delete AFTER DELETE ON tickets BEGIN
                    DELETE FROM ticket_search WHERE rowid = OLD.id;
                END;

                CREATE TRIGGER comments_search_insert AFTER INSERT ON comments BEGIN
                    UPDATE ticket_search SET
                        replies = coalesce((SELECT group_concat(content, ' ') FROM comments WHERE ticket_id = NEW.ticket_id AND NOT is_internal), ''),
                        notes = coalesce((SELECT group_concat(content, ' ') FROM comments WHERE ticket_id = NEW.ticket_id AND is_internal), '')
                    WHERE rowid = NEW.ticket_id;
                END;
                CREATE TRIGGER comments_search_update AFTER UPDATE OF content, is_internal ON comments BEGIN
                    UPDATE ticket_search SET
                        replies = coalesce((SELECT group_concat(content, ' ') FROM comments WHERE ticket_id = NEW.ticket_id AND NOT is_internal), ''),
                        notes = coalesce((SELECT group_concat(content, ' ') FROM comments WHERE ticket_id = NEW.ticket_id AND is_internal), '')
                    WHERE rowid = NEW.ticket_id;
                END;
                CREATE TRIGGER comments_search_delete AFTER DELETE ON comments BEGIN
                    UPDATE ticket_search SET
                        replies = coalesce((SELECT group_concat(content, ' ') FROM comments WHERE ticket_id = OLD.ticket_id AND NOT is_internal), ''),
                        notes = coalesce((SELECT group_concat(content, ' ') FROM comments WHERE ticket_id = OLD.ticket_id AND is_internal), '')
                    WHERE rowid = OLD.ticket_id;
                END;

                INSERT INTO ticket_search (rowid, title, description, replies, notes)
                SELECT t.id, t.title, t.description,
                    coalesce((SELECT group_concat(content, ' ') FROM comments c WHERE c.ticket_id = t.id AND NOT c.is_internal), ''),
                    coalesce((SELECT group_concat(content, ' ') FROM comments c WHERE c.ticket_id = t.id AND c.is_internal), '')
                FROM tickets t;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER comments_search_delete;
                DROP TRIGGER comments_search_update;
                DROP TRIGGER comments_search_insert;
                DROP TRIGGER tickets_search_delete;
                DROP TRIGGER tickets_search_update;
                DROP TRIGGER tickets_search_insert;
                DROP TABLE ticket_search;
                """);
        }
    }
}
