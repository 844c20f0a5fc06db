using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RestoreSqliteSearchTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Only SQLite rebuilt tickets in SlaPolicies; PostgreSQL added the foreign key in place and kept its triggers.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
