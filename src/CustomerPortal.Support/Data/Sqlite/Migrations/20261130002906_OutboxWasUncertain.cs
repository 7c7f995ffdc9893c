using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.Support.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxWasUncertain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WasUncertain",
                table: "OutgoingMails",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WasUncertain",
                table: "OutgoingMails");
        }
    }
}
