using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_comments_author_id",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_created_at",
                table: "comments");

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id_created_at",
                table: "comments",
                columns: new[] { "author_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_comments_author_id_created_at",
                table: "comments");

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id",
                table: "comments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_created_at",
                table: "comments",
                column: "created_at");
        }
    }
}
