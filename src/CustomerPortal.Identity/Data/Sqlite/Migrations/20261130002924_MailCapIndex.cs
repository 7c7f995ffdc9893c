using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.Identity.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MailCapIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Recipient_Template_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "Recipient", "Template", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Recipient_Template_CreatedAt",
                table: "OutboxMessages");
        }
    }
}
