using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPortal.Ordering.Data.Sqlite.Migrations
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
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartLines", x => new { x.UserId, x.ItemCode });
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EndedSessions",
                columns: table => new
                {
                    TokenId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EndedSessions", x => x.TokenId);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuotedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QuoteValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Billing_PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Billing_Prefecture = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Billing_City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Billing_Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Billing_Building = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Billing_Company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Billing_Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Billing_Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Billing_Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Delivery_PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Delivery_Prefecture = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Delivery_City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Delivery_Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Delivery_Building = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Delivery_Company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Delivery_Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Delivery_Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Delivery_Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderLine",
                columns: table => new
                {
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Taxable = table.Column<bool>(type: "INTEGER", nullable: false)
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
