using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.Support.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharedMailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutgoingMails_SentAt_NextAttemptAt",
                table: "OutgoingMails");

            migrationBuilder.RenameColumn(
                name: "To",
                table: "OutgoingMails",
                newName: "Recipient");

            migrationBuilder.RenameColumn(
                name: "Body",
                table: "OutgoingMails",
                newName: "TextBody");

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "OutgoingMails",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "LeaseExpiresAt",
                table: "OutgoingMails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "OutgoingMails",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "Template",
                table: "OutgoingMails",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "OutgoingMails",
                type: "TEXT",
                nullable: true);

            // The mails already stored keep what the old outbox knew about them: sent ones are Sent
            // (their bodies stay; only mails delivered from now on lose theirs), those the old worker
            // had given up on (after Mail:MaxAttempts, 10 unless configured otherwise) are Failed, and every
            // other one is Pending and delivered by the shared worker (the old claim was only a later due time).
            migrationBuilder.Sql("""UPDATE "OutgoingMails" SET "Status" = 'Sent' WHERE "SentAt" IS NOT NULL;""");
            migrationBuilder.Sql("""UPDATE "OutgoingMails" SET "Status" = 'Failed' WHERE "SentAt" IS NULL AND "Attempts" >= 10;""");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_Status_NextAttemptAt",
                table: "OutgoingMails",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutgoingMails_Status_NextAttemptAt",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "HtmlBody",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "Template",
                table: "OutgoingMails");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "OutgoingMails");

            migrationBuilder.RenameColumn(
                name: "TextBody",
                table: "OutgoingMails",
                newName: "Body");

            migrationBuilder.RenameColumn(
                name: "Recipient",
                table: "OutgoingMails",
                newName: "To");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_SentAt_NextAttemptAt",
                table: "OutgoingMails",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }
    }
}
