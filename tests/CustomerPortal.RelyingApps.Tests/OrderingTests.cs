using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using UglyToad.PdfPig;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>The ordering app through its pages, signed in at the real IdP over loopback HTTP.</summary>
[Collection(PortalStackFixture.Collection)]
public sealed class OrderingTests(PortalStackFixture portal)
{
    private Uri Ordering(string path) => new(portal.Ordering, path);

    [Fact]
    public async Task Catalog_OffersTheSuppliesOfTheBuyersMachines_AndPostageFunds()
    {
        using var session = AppSession.New();
        var catalog = await session.SignInAsync(Ordering("catalog"), "buyer@example.com", "Buyer-2026");

        var items = catalog.QuerySelectorAll("tr[data-item]").Select(r => r.GetAttribute("data-item")).ToList();
        // The buyer's machine is a DM300c (serial 1234567 in the device registry).
        Assert.Contains("INK-DM300-R", items);
        Assert.Contains("TAPE-300", items);
        Assert.Contains("POSTAGE-10000", items);
        Assert.DoesNotContain("INK-SPC-R", items);
        Assert.DoesNotContain("INK-DM125-R", items);
        Assert.Contains("料金データ", catalog.QuerySelector("main")!.TextContent);
        Assert.Equal("ja", catalog.DocumentElement.GetAttribute("lang"));
        // The models an item fits are listed with the Japanese 、.
        Assert.Equal("DM300c、DM400c、SendPro C、SendPro P", catalog.QuerySelector("tr[data-item='TAPE-300'] td:nth-child(2)")!.TextContent);
    }

    [Fact]
    public async Task UserWithoutSuppliesBuyerRole_GetsAPageNamingTheRole_InTheirLanguage()
    {
        using var session = AppSession.New();
        // The equipment purchaser has no supplies-buyer role.
        var response = await session.Browser.GetAsync(Ordering("catalog").ToString());
        var login = await LoginPage.FromAsync(session.Browser, response);
        var denied = await login.SubmitAsync("purchaser@example.com", "Purchaser-2026");

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var page = await session.Browser.ParseAsync(denied);
        Assert.Contains("消耗品ご購入担当者", page.QuerySelector("main")!.TextContent);
        Assert.Contains("CP_Reg@pb.com", page.QuerySelector("main")!.TextContent);
        // The guide's アカウント設定, and no Latin middle dot between the links.
        Assert.Contains("アカウント設定を確認する", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("·", page.QuerySelector("main")!.TextContent);

        // Nothing under the ordering pages opens for them either.
        Assert.Equal(HttpStatusCode.Forbidden, (await session.OpenAsync(Ordering("orders"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.OpenAsync(Ordering("cart"))).Status);
    }

    [Fact]
    public async Task EnglishSpeakingBuyer_SeesTheAppInEnglish_FromTheirLocaleClaim()
    {
        using var session = AppSession.New();
        // The equipment operator also buys supplies and chose English.
        var catalog = await session.SignInAsync(Ordering("catalog"), "operator@example.com", "Operator-2026");
        Assert.Equal("en", catalog.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Supplies catalog", AppSession.Heading(catalog));
        var main = catalog.QuerySelector("main")!.TextContent;
        Assert.Contains("DM400c", main);
        Assert.Contains("Postage funds", main);
        // Every word on the page comes from the English bundle or the English catalog names.
        Assert.DoesNotMatch(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]", main);
    }

    [Fact]
    public async Task Catalog_RefusesAnItemThatDoesNotFitAndABadQuantity_WithAMessage()
    {
        using var session = AppSession.New();
        var catalog = await session.SignInAsync(Ordering("catalog"), "buyer@example.com", "Buyer-2026");

        var (status, page) = await session.SubmitAsync(catalog, "tr[data-item='INK-DM300-R'] form", new() { ["code"] = "INK-SPC-R" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("ご注文いただけません", page.QuerySelector("[role=alert]")!.TextContent);

        (status, page) = await session.SubmitAsync(catalog, "tr[data-item='INK-DM300-R'] form", new() { ["quantity"] = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("1から99", page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task CartQuoteOrder_UsesTheAddressBookAtTheIdP_AndGivesDocumentsAsPagesAndPdf()
    {
        using var session = AppSession.New();
        var catalog = await session.SignInAsync(Ordering("catalog"), "buyer@example.com", "Buyer-2026");
        await session.SubmitAsync(catalog, "tr[data-item='POSTAGE-10000'] form", new() { ["quantity"] = "２" }); // full-width digit
        await session.SubmitAsync(catalog, "tr[data-item='INK-DM300-R'] form", new() { ["quantity"] = "1" });

        var (_, cart) = await session.OpenAsync(Ordering("cart"));
        Assert.Equal(["POSTAGE-10000", "INK-DM300-R"], cart.QuerySelectorAll("tr[data-item]").Select(r => r.GetAttribute("data-item")));
        Assert.Equal("2", cart.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#qty-POSTAGE-10000")!.Value);

        // The quote page lists the buyer's address book, read from the IdP's address API.
        var (status, quote) = await session.OpenAsync(Ordering("quotes/new"));
        Assert.Equal(HttpStatusCode.OK, status);
        var labels = quote.QuerySelectorAll("fieldset.address-choice strong").Select(e => e.TextContent).Distinct().ToList();
        Assert.Equal(["本社 経理部", "川崎倉庫"], labels);
        Assert.True(Checked(quote, "billingId").Contains("本社 経理部"), "the default billing entry is preselected");
        Assert.True(Checked(quote, "deliveryId").Contains("川崎倉庫"), "the default delivery entry is preselected");
        Assert.Contains("カート内の商品（2種類）の見積書を作成します。", quote.QuerySelector("section.new-quote")!.TextContent);

        var (_, order) = await session.SubmitAsync(quote, "section.new-quote form");
        Assert.Equal("Quoted", order.QuerySelector("section.order")!.GetAttribute("data-status"));
        var number = new Uri(order.Url).Segments.Last();
        Assert.Empty((await session.OpenAsync(Ordering("cart"))).Page.QuerySelectorAll("tr[data-item]"));

        (_, order) = await session.SubmitAsync(order, "section.order form");
        Assert.Equal("Received", order.QuerySelector("section.order")!.GetAttribute("data-status"));
        Assert.Contains("ご注文を承りました", order.QuerySelector("[role=status]")!.TextContent);
        // The page names the documents as the UI does (見積書; 御見積書 is only the quote's own title), with ｜ between the links.
        var documents = order.QuerySelector("ul.documents")!.TextContent;
        Assert.Contains("見積書：", documents);
        Assert.DoesNotContain("御見積書", documents);
        Assert.DoesNotContain("·", order.QuerySelector("main")!.TextContent);
        // The order page totals the order as its invoice does: subtotal per tax rate, tax, untaxed postage, total.
        Assert.Equal(
            [
                ("10%対象 小計（税抜）", "12,800円"), ("消費税（10%）", "1,280円"),
                ("非課税 小計", "20,000円"), ("合計金額（税込）", "34,080円"),
            ],
            TotalRows(order));

        // History shows it with its status.
        var (_, history) = await session.OpenAsync(Ordering("orders"));
        Assert.Contains("ご注文受付", history.QuerySelector($"tr[data-order='{number}']")!.TextContent);

        // Invoice as a page (printable) and as a PDF with the same Japanese text.
        var (invoiceStatus, invoice) = await session.OpenAsync(Ordering($"orders/{number}/invoice"));
        Assert.Equal(HttpStatusCode.OK, invoiceStatus);
        var invoiceText = invoice.QuerySelector("article.document")!.TextContent;
        Assert.Contains("請求書", invoiceText);
        Assert.Contains("千代田区千代田1-1", invoiceText);    // billing, from the address book
        Assert.Contains("川崎市川崎区本町2-3-4", invoiceText); // delivery
        Assert.Contains("34,080円", invoiceText);            // 20,000 (no tax) + 12,800 + 1,280 tax
        var actions = invoice.QuerySelector("p.document-actions")!.TextContent;
        Assert.Contains("ブラウザの印刷機能", actions);
        Assert.DoesNotContain("·", actions);
        Assert.Equal("ご請求金額（税込） 34,080円", Squeezed(invoice.QuerySelector("article.document .headline")!.TextContent));
        // The demo billing entry names 「経理部 ご担当者」 in the department 経理部: 様 once, the department once, no 御中.
        Assert.Equal(["株式会社サンプル商事", "経理部", "ご担当者 様"], Texts(invoice, ".recipient .addressee div"));
        Assert.Single(Regex.Matches(invoice.QuerySelector(".recipient")!.TextContent, "経理部"));
        Assert.DoesNotContain("御中", invoiceText);
        Assert.EndsWith("佐藤 花子 様", Squeezed(invoice.QuerySelector(".second-address")!.TextContent));
        // The seller's phone, registration number and bank account, from the ordering app's settings.
        Assert.Contains("TEL 03-1234-5678（見本）", invoiceText);
        Assert.Contains($"登録番号 {PortalStackFixture.SellerRegistrationNumber}", invoiceText);
        Assert.Equal(
            ["見本銀行 見本支店", $"普通 {PortalStackFixture.SellerAccountNumber}", "口座名義 ピツニーボウズジャパン（カ"],
            Texts(invoice, ".payment-account div"));
        Assert.Equal("お振込先", invoice.QuerySelector(".payment-account h2")!.TextContent);
        Assert.Matches(@"発行日\s*\d{4}年\d{1,2}月\d{1,2}日", invoiceText);

        var pdf = await session.Browser.GetAsync(Ordering($"orders/{number}/invoice/pdf").ToString());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"invoice-{number}.pdf", pdf.Content.Headers.ContentDisposition?.ToString());
        var pdfText = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("請求書", pdfText);
        Assert.Contains("料金データ", pdfText);
        Assert.Contains("34,080円", pdfText);
        Assert.Contains("川崎市川崎区本町2-3-4", pdfText);
        var pdfWords = Regex.Replace(pdfText, @"\s", "");
        Assert.Contains("ご請求金額（税込）34,080円", pdfWords);
        Assert.Contains("ご担当者様", pdfWords);
        Assert.DoesNotContain("御中", pdfWords);
        Assert.Contains("お振込先", pdfWords);
        Assert.Contains($"普通{PortalStackFixture.SellerAccountNumber}", pdfWords);
        Assert.Contains($"登録番号{PortalStackFixture.SellerRegistrationNumber}", pdfWords);

        // The delivery note exists only once the order has shipped.
        Assert.Equal(HttpStatusCode.NotFound, (await session.OpenAsync(Ordering($"orders/{number}/delivery-note"))).Status);
        // A buyer of the same company sees it in the history, with who ordered, and opens its documents.
        using var colleague = AppSession.New();
        await colleague.SignInAsync(Ordering("catalog"), "operator@example.com", "Operator-2026");
        var (_, shared) = await colleague.OpenAsync(Ordering("orders"));
        Assert.Contains("佐藤 花子", shared.QuerySelector($"tr[data-order='{number}'] td.ordered-by")!.TextContent);
        var (englishStatus, english) = await colleague.OpenAsync(Ordering($"orders/{number}/invoice"));
        Assert.Equal(HttpStatusCode.OK, englishStatus);
        // The colleague reads English: the same invoice in English words and an English date.
        Assert.Equal("Amount due (incl. tax) ¥34,080", Squeezed(english.QuerySelector("article.document .headline")!.TextContent));
        Assert.Equal("Please pay by bank transfer to", english.QuerySelector(".payment-account h2")!.TextContent);
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]{2} \d{4}$", english.QuerySelectorAll(".issuer dd")[1].TextContent);
        // A buyer of another company cannot open it.
        using var other = AppSession.New();
        await other.SignInAsync(Ordering("catalog"), PortalStackFixture.OtherCompanyBuyer.Email, PortalStackFixture.OtherCompanyBuyer.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.OpenAsync(Ordering($"orders/{number}"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.OpenAsync(Ordering($"orders/{number}/invoice"))).Status);
        Assert.DoesNotContain(number, (await other.OpenAsync(Ordering("orders"))).Page.Body!.TextContent);
    }

    [Fact]
    public async Task StaffShipAndDeliver_TheCustomerSeesTheDatesAndTheDeliveryNote()
    {
        using var buyer = AppSession.New();
        var catalog = await buyer.SignInAsync(Ordering("catalog"), "buyer@example.com", "Buyer-2026");
        await buyer.SubmitAsync(catalog, "tr[data-item='TAPE-300'] form");
        var (_, quote) = await buyer.OpenAsync(Ordering("quotes/new"));
        var (_, order) = await buyer.SubmitAsync(quote, "section.new-quote form");
        var number = new Uri(order.Url).Segments.Last();
        await buyer.SubmitAsync(order, "section.order form");

        using var staff = AppSession.New();
        var desk = await staff.SignInAsync(Ordering("staff/orders"), "staff@example.com", "Staff-2026");
        (_, desk) = await staff.SubmitAsync(desk, $"tr[data-order='{number}'] form");
        Assert.Contains("出荷済み", desk.QuerySelector($"tr[data-order='{number}']")!.TextContent);

        var (_, shipped) = await buyer.OpenAsync(Ordering($"orders/{number}"));
        Assert.Equal("Shipped", shipped.QuerySelector("section.order")!.GetAttribute("data-status"));
        Assert.Equal(3, shipped.QuerySelectorAll(".timeline li.done").Length);
        var (noteStatus, note) = await buyer.OpenAsync(Ordering($"orders/{number}/delivery-note"));
        Assert.Equal(HttpStatusCode.OK, noteStatus);
        Assert.Contains("納品書", note.QuerySelector("article.document h1")!.TextContent);

        (_, desk) = await staff.SubmitAsync(desk, $"tr[data-order='{number}'] form");
        var (_, delivered) = await buyer.OpenAsync(Ordering($"orders/{number}"));
        Assert.Equal("Delivered", delivered.QuerySelector("section.order")!.GetAttribute("data-status"));

        // A buyer is not staff.
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.OpenAsync(Ordering("staff/orders"))).Status);
    }

    [Fact]
    public async Task Invoice_ToADepartmentWithNoOneNamed_Takes御中_AndNo様()
    {
        using var session = AppSession.New();
        var (email, password) = PortalStackFixture.OtherCompanyBuyer;
        var catalog = await session.SignInAsync(Ordering("catalog"), email, password);
        // Their only address book entry, made at the IdP, bills a department and names no one.
        var (_, form) = await session.OpenAsync(new Uri(portal.Identity, "account/addresses/new"));
        var (saved, _) = await session.SubmitAsync(form, "section form[method=post]", new()
        {
            ["Input.Label"] = "本社 総務部",
            ["Input.PostalCode"] = "530-0001",
            ["Input.Prefecture"] = "27",
            ["Input.City"] = "大阪市北区",
            ["Input.Street"] = "梅田1-2-3",
            ["Input.Company"] = "テスト物流株式会社",
            ["Input.Department"] = "総務部",
        });
        Assert.Equal(HttpStatusCode.OK, saved);
        await session.SubmitAsync(catalog, "tr[data-item='POSTAGE-10000'] form");
        var (_, quote) = await session.OpenAsync(Ordering("quotes/new"));
        var (_, order) = await session.SubmitAsync(quote, "section.new-quote form");
        (_, order) = await session.SubmitAsync(order, "section.order form");
        var number = new Uri(order.Url).Segments.Last();

        var (_, invoice) = await session.OpenAsync(Ordering($"orders/{number}/invoice"));
        Assert.Equal(["テスト物流株式会社", "総務部 御中"], Texts(invoice, ".recipient .addressee div"));
        Assert.DoesNotContain("様", invoice.QuerySelector(".document-head")!.TextContent);
        var pdf = await session.Browser.Http.GetByteArrayAsync(Ordering($"orders/{number}/invoice/pdf"));
        Assert.Contains("総務部御中", Regex.Replace(PdfText(pdf), @"\s", ""));
    }

    private static List<string> Texts(IDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(e => Squeezed(e.TextContent))];

    /// <summary>Text as a reader sees it: runs of white space (the markup's indentation) as one space.</summary>
    private static string Squeezed(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static List<(string Label, string Amount)> TotalRows(IDocument page) =>
        [.. page.QuerySelectorAll("table.items tfoot tr").Select(row =>
            (Squeezed(row.QuerySelector("th")!.TextContent), Squeezed(row.QuerySelector("td")!.TextContent)))];

    private static string Checked(IDocument page, string name) =>
        page.QuerySelector($"input[name='{name}'][checked]")?.ParentElement?.TextContent ?? "";

    private static string PdfText(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        return string.Join("\n", document.GetPages().Select(p => string.Join("", p.Letters.Select(l => l.Value))));
    }
}
