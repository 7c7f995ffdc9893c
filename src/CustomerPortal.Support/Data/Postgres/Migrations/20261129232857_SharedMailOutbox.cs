using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.Support.Data.Postgres.Migrations
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

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "OutgoingMails",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            // The old worker wrote only an exception's type name here; cut anything longer all the same,
            // so that the narrower column never refuses a row.
            migrationBuilder.Sql("""UPDATE "OutgoingMails" SET "LastError" = LEFT("LastError", 1000) WHERE LENGTH("LastError") > 1000;""");

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                table: "OutgoingMails",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "OutgoingMails",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseExpiresAt",
                table: "OutgoingMails",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "OutgoingMails",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "Template",
                table: "OutgoingMails",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "OutgoingMails",
                type: "text",
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

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "OutgoingMails",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                table: "OutgoingMails",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_SentAt_NextAttemptAt",
                table: "OutgoingMails",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }
    }
}
