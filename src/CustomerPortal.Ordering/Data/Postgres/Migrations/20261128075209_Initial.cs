using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomerPortal.Ordering.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CartLines",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartLines", x => new { x.UserId, x.ItemCode });
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EndedSessions",
                columns: table => new
                {
                    TokenId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SessionId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EndedSessions", x => x.TokenId);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompanyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QuotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    QuoteValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrderedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ShippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Billing_PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Billing_Prefecture = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Billing_City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Billing_Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Billing_Building = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Billing_Company = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Billing_Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Billing_Recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Billing_Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Delivery_PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Delivery_Prefecture = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Delivery_City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Delivery_Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Delivery_Building = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Delivery_Company = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Delivery_Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Delivery_Recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Delivery_Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderLine",
                columns: table => new
                {
                    LineNumber = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitPrice = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Taxable = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderLine", x => new { x.OrderId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_OrderLine_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EndedSessions_SessionId",
                table: "EndedSessions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_EndedSessions_Subject",
                table: "EndedSessions",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Number",
                table: "Orders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_UserId_QuotedAt",
                table: "Orders",
                columns: new[] { "UserId", "QuotedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CartLines");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EndedSessions");

            migrationBuilder.DropTable(
                name: "OrderLine");

            migrationBuilder.DropTable(
                name: "Orders");
        }
    }
}
