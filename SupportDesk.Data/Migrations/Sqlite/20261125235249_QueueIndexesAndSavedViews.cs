using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueIndexesAndSavedViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "saved_views",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    owner_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    is_shared = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_views", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_views_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_assignee_updated",
                table: "tickets",
                columns: new[] { "assignee_id", "updated_at", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_status_created",
                table: "tickets",
                columns: new[] { "status", "created_at", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_status_updated",
                table: "tickets",
                columns: new[] { "status", "updated_at", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_unassigned_created",
                table: "tickets",
                columns: new[] { "created_at", "id" },
                filter: "deleted_at IS NULL AND assignee_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_updated",
                table: "tickets",
                columns: new[] { "updated_at", "id" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_saved_views_is_shared",
                table: "saved_views",
                column: "is_shared",
                filter: "is_shared");

            migrationBuilder.CreateIndex(
                name: "ix_saved_views_owner_id_name",
                table: "saved_views",
                columns: new[] { "owner_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_views");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_assignee_updated",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_status_created",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_status_updated",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_unassigned_created",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_updated",
                table: "tickets");
        }
    }
}
