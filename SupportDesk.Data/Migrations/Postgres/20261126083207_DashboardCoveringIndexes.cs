using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_live_closed",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_created",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_resolved",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_comments_author_id",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_created_at",
                table: "comments");

            migrationBuilder.AlterTable(
                name: "tickets")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_insert_scale_factor", 0.02)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.02);

            migrationBuilder.AlterTable(
                name: "comments")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_insert_scale_factor", 0.02);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_closed",
                table: "tickets",
                columns: new[] { "closed_at", "id" },
                filter: "deleted_at IS NULL AND closed_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "assignee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_created",
                table: "tickets",
                columns: new[] { "created_at", "id" },
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "priority", "category", "assignee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_resolved",
                table: "tickets",
                columns: new[] { "resolved_at", "id" },
                filter: "deleted_at IS NULL AND resolved_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "created_at", "priority", "category", "assignee_id", "resolution_sla_met" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id_created_at",
                table: "comments",
                columns: new[] { "author_id", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "ticket_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_live_closed",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_created",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_resolved",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_comments_author_id_created_at",
                table: "comments");

            migrationBuilder.AlterTable(
                name: "tickets")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_insert_scale_factor", 0.02)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.02);

            migrationBuilder.AlterTable(
                name: "comments")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_insert_scale_factor", 0.02);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_closed",
                table: "tickets",
                columns: new[] { "closed_at", "id" },
                filter: "deleted_at IS NULL AND closed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_created",
                table: "tickets",
                columns: new[] { "created_at", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_resolved",
                table: "tickets",
                columns: new[] { "resolved_at", "id" },
                filter: "deleted_at IS NULL AND resolved_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id",
                table: "comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_created_at",
                table: "comments",
                column: "created_at")
                .Annotation("Npgsql:IndexInclude", new[] { "author_id", "ticket_id" });
        }
    }
}
