using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueIndexTuning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_live_assignee_updated",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_unassigned_created",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_assignee_updated",
                table: "tickets",
                columns: new[] { "assignee_id", "updated_at", "id" },
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_id",
                table: "tickets",
                column: "id",
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_unassigned_created",
                table: "tickets",
                columns: new[] { "created_at", "id" },
                filter: "deleted_at IS NULL AND assignee_id IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_live_assignee_updated",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_unassigned_created",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_assignee_updated",
                table: "tickets",
                columns: new[] { "assignee_id", "updated_at", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_unassigned_created",
                table: "tickets",
                columns: new[] { "created_at", "id" },
                filter: "deleted_at IS NULL AND assignee_id IS NULL");
        }
    }
}
