using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlaPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "first_response_due_at",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "first_response_sla_met",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "resolution_due_at",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "resolution_sla_met",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sla_alerted_at",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sla_at_risk_at",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sla_due_at",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sla_policy_id",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sla_policies",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    calendar = table.Column<string>(type: "TEXT", nullable: false),
                    low_first_response_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    low_resolution_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    medium_first_response_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    medium_resolution_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    high_first_response_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    high_resolution_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    urgent_first_response_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    urgent_resolution_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_policies", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "sla_policies",
                columns: new[] { "id", "calendar", "category", "created_at", "high_first_response_minutes", "high_resolution_minutes", "is_default", "low_first_response_minutes", "low_resolution_minutes", "medium_first_response_minutes", "medium_resolution_minutes", "name", "updated_at", "urgent_first_response_minutes", "urgent_resolution_minutes" },
                values: new object[] { 1, "{\"aroundTheClock\":true,\"timeZoneId\":\"UTC\",\"hours\":[],\"holidays\":[]}", null, new DateTime(2026, 11, 26, 0, 0, 0, 0, DateTimeKind.Utc), 240, 1440, true, 1440, 10080, 480, 4320, "Standard", new DateTime(2026, 11, 26, 0, 0, 0, 0, DateTimeKind.Utc), 60, 240 });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_resolved",
                table: "tickets",
                columns: new[] { "resolved_at", "id" },
                filter: "deleted_at IS NULL AND resolved_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_sla_at_risk",
                table: "tickets",
                columns: new[] { "sla_at_risk_at", "id" },
                filter: "deleted_at IS NULL AND sla_at_risk_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_live_sla_due",
                table: "tickets",
                columns: new[] { "sla_due_at", "id" },
                filter: "deleted_at IS NULL AND sla_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_sla_policy_id",
                table: "tickets",
                column: "sla_policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_category",
                table: "sla_policies",
                column: "category",
                unique: true,
                filter: "category IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_is_default",
                table: "sla_policies",
                column: "is_default",
                unique: true,
                filter: "is_default");

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_name",
                table: "sla_policies",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_sla_policies_sla_policy_id",
                table: "tickets",
                column: "sla_policy_id",
                principalTable: "sla_policies",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tickets_sla_policies_sla_policy_id",
                table: "tickets");

            migrationBuilder.DropTable(
                name: "sla_policies");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_resolved",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_sla_at_risk",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_live_sla_due",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_sla_policy_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_response_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_response_sla_met",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_sla_met",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "sla_alerted_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "sla_at_risk_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "sla_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "sla_policy_id",
                table: "tickets");
        }
    }
}
