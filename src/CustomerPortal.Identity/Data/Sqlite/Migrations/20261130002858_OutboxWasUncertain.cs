using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.Identity.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxWasUncertain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WasUncertain",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WasUncertain",
                table: "OutboxMessages");
        }
    }
}
