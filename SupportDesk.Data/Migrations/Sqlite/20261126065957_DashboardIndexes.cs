using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_tickets_live_first_response",
                table: "tickets",
                columns: new[] { "first_response_at", "id" },
                filter: "deleted_at IS NULL AND first_response_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_comments_created_at",
                table: "comments",
                column: "created_at");
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
                name: "ix_tickets_live_first_response",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_comments_created_at",
                table: "comments");
        }
    }
}
