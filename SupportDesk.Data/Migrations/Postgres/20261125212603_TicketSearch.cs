using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace SupportDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "ticket_search_documents",
                columns: table => new
                {
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    public_text = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false),
                    staff_text = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_search_documents", x => x.ticket_id);
                    table.ForeignKey(
                        name: "fk_ticket_search_documents_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_number_trgm",
                table: "tickets",
                column: "number")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_title_trgm",
                table: "tickets",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_email_trgm",
                table: "AspNetUsers",
                column: "normalized_email")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_search_documents_public_text",
                table: "ticket_search_documents",
                column: "public_text")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_search_documents_staff_text",
                table: "ticket_search_documents",
                column: "staff_text")
                .Annotation("Npgsql:IndexMethod", "GIN");

            // The search documents are the database's to keep: triggers rebuild a ticket's document whenever its
            // title, description or comments change, so no application path can forget it. Long texts are cut
            // well below tsvector's 1 MB limit.
            migrationBuilder.Sql("""
                CREATE FUNCTION ticket_search_public(title text, description text, replies text) RETURNS tsvector
                LANGUAGE sql IMMUTABLE AS $$
                    SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
                        || setweight(to_tsvector('english', left(coalesce(description, ''), 100000)), 'B')
                        || setweight(to_tsvector('english', coalesce(replies, '')), 'C')
                $$;

                CREATE FUNCTION ticket_search_notes(notes text) RETURNS tsvector
                LANGUAGE sql IMMUTABLE AS $$
                    SELECT setweight(to_tsvector('english', coalesce(notes, '')), 'C')
                $$;

                CREATE FUNCTION ticket_search_refresh(target bigint) RETURNS void
                LANGUAGE sql AS $$
                    INSERT INTO ticket_search_documents (ticket_id, public_text, staff_text)
                    SELECT t.id, p.text, p.text || ticket_search_notes(c.notes)
                    FROM tickets t
                    CROSS JOIN LATERAL (
                        SELECT left(string_agg(content, ' ' ORDER BY id) FILTER (WHERE NOT is_internal), 100000) AS replies,
                               left(string_agg(content, ' ' ORDER BY id) FILTER (WHERE is_internal), 100000) AS notes
                        FROM comments WHERE ticket_id = t.id) c
                    CROSS JOIN LATERAL (SELECT ticket_search_public(t.title, t.description, c.replies) AS text) p
                    WHERE t.id = target
                    ON CONFLICT (ticket_id) DO UPDATE SET public_text = excluded.public_text, staff_text = excluded.staff_text
                $$;

                CREATE FUNCTION ticket_search_rebuild() RETURNS bigint
                LANGUAGE sql AS $$
                    WITH c AS (
                        SELECT ticket_id,
                               left(string_agg(content, ' ' ORDER BY id) FILTER (WHERE NOT is_internal), 100000) AS replies,
                               left(string_agg(content, ' ' ORDER BY id) FILTER (WHERE is_internal), 100000) AS notes
                        FROM comments GROUP BY ticket_id),
                    written AS (
                        INSERT INTO ticket_search_documents (ticket_id, public_text, staff_text)
                        SELECT t.id, p.text, p.text || ticket_search_notes(c.notes)
                        FROM tickets t
                        LEFT JOIN c ON c.ticket_id = t.id
                        CROSS JOIN LATERAL (SELECT ticket_search_public(t.title, t.description, c.replies) AS text) p
                        ON CONFLICT (ticket_id) DO UPDATE SET public_text = excluded.public_text, staff_text = excluded.staff_text
                        RETURNING 1)
                    SELECT count(*) FROM written
                $$;

                CREATE FUNCTION tickets_search_trigger() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM ticket_search_refresh(NEW.id);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER tickets_search AFTER INSERT OR UPDATE OF title, description ON tickets
                    FOR EACH ROW EXECUTE FUNCTION tickets_search_trigger();

                CREATE FUNCTION comments_search_trigger() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM ticket_search_refresh(OLD.ticket_id);
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.ticket_id <> OLD.ticket_id) THEN
                        PERFORM ticket_search_refresh(NEW.ticket_id);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER comments_search AFTER INSERT OR UPDATE OF content, is_internal, ticket_id OR DELETE ON comments
                    FOR EACH ROW EXECUTE FUNCTION comments_search_trigger();

                SELECT ticket_search_rebuild();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql("""
                DROP TRIGGER comments_search ON comments;
                DROP TRIGGER tickets_search ON tickets;
                DROP FUNCTION comments_search_trigger();
                DROP FUNCTION tickets_search_trigger();
                DROP FUNCTION ticket_search_rebuild();
                DROP FUNCTION ticket_search_refresh(bigint);
                DROP FUNCTION ticket_search_notes(text);
                DROP FUNCTION ticket_search_public(text, text, text);
                """);

            migrationBuilder.DropTable(
                name: "ticket_search_documents");

            migrationBuilder.DropIndex(
                name: "ix_tickets_number_trgm",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_title_trgm",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_users_normalized_email_trgm",
                table: "AspNetUsers");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
