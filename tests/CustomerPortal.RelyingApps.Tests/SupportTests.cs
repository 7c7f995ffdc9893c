using System.Net;
using AngleSharp.Dom;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>The support app through its pages: contact form, acknowledgement mail, history, FAQ, staff replies.</summary>
[Collection(PortalStackFixture.Collection)]
public sealed class SupportTests(PortalStackFixture portal)
{
    private Uri Support(string path) => new(portal.Support, path);

    [Fact]
    public async Task ContactForm_KeepsWhatWasTyped_AndNamesEachMissingField()
    {
        using var session = AppSession.New();
        var form = await session.SignInAsync(Support("inquiries/new"), "buyer@example.com", "Buyer-2026");
        var categories = form.QuerySelectorAll("#category option").Select(o => o.TextContent).ToList();
        Assert.Contains("消耗品のご注文・納品について", categories);
        Assert.Contains("料金データ（料金の補充）について", categories);

        var (status, page) = await session.SubmitAsync(form, "section.contact-form form",
            new() { ["Input.Subject"] = "  インクについて  ", ["Input.Details"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("お問い合わせ内容を選択してください。", page.QuerySelector("#category-error")!.TextContent);
        Assert.Equal("詳細をご入力ください。", page.QuerySelector("#details-error")!.TextContent);
        Assert.Null(page.QuerySelector("#subject-error"));
        Assert.Equal("インクについて", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#subject")!.Value);
    }

    [Fact]
    public async Task Inquiry_IsConfirmed_Acknowledged_AnsweredByStaff_AndShownInTheHistory()
    {
        using var customer = AppSession.New();
        var form = await customer.SignInAsync(Support("inquiries/new"), "buyer@example.com", "Buyer-2026");
        var subject = $"納品日の確認 {Guid.NewGuid():n}"[..20];
        var (status, sent) = await customer.SubmitAsync(form, "section.contact-form form", new()
        {
            ["Input.Category"] = "order",
            ["Input.Subject"] = subject,
            ["Input.Details"] = "先週注文したインクの納品日を教えてください。急ぎです。",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("お問い合わせを受け付けました", AppSession.Heading(sent));
        var number = new Uri(sent.Url).Segments[^2].TrimEnd('/');
        Assert.Contains(number, sent.QuerySelector("[role=status]")!.TextContent);
        // Japanese links are set apart with ｜, not a Latin middle dot.
        Assert.DoesNotContain("·", sent.QuerySelector("main")!.TextContent);
        Assert.Contains("｜", sent.QuerySelector("main")!.TextContent);

        // The acknowledgement: in Japanese, with the reference number and what was sent.
        var ack = await MailAsync("buyer@example.com", number, "受け付けました");
        Assert.StartsWith("【", ack.Subject);
        Assert.Contains("お問い合わせを受け付けました", ack.Subject);
        Assert.Contains("急ぎです。", ack.TextBody);
        Assert.Contains("消耗品のご注文・納品について", ack.TextBody);
        // Like the IdP's mails: to the company's contact, signed by the portal with the desk to write to.
        Assert.StartsWith("株式会社サンプル商事\nご担当者 佐藤 花子 様\n\n", ack.TextBody);
        Assert.EndsWith(string.Join("\n",
            MailSignatureText.Rule,
            "カスタマーポータル",
            portal.Identity.ToString(),
            MailSignatureText.BaseContactJa,
            MailSignatureText.SendOnlyJa), (ack.TextBody ?? "").TrimEnd());

        var (_, history) = await customer.OpenAsync(Support("inquiries"));
        Assert.Contains("受付済み", history.QuerySelector($"tr[data-inquiry='{number}']")!.TextContent);

        // Staff see every inquiry, reply and set the status.
        using var staff = AppSession.New();
        var list = await staff.SignInAsync(Support("staff/inquiries"), "staff@example.com", "Staff-2026");
        Assert.NotNull(list.QuerySelector($"tr[data-inquiry='{number}']"));
        var (_, reply) = await staff.OpenAsync(Support($"staff/inquiries/{number}"));
        Assert.Contains("急ぎです。", reply.QuerySelector(".inquiry-thread")!.TextContent);
        Assert.DoesNotContain("·", reply.QuerySelector(".inquiry-thread .meta")!.TextContent);
        Assert.Contains("（buyer@example.com）", reply.QuerySelector("dl.details")!.TextContent);
        (_, reply) = await staff.SubmitAsync(reply, "section.staff-reply form", new() { ["body"] = "明日出荷いたします。", ["status"] = "Answered" });
        Assert.Equal("Answered", reply.QuerySelector("section.staff-reply")!.GetAttribute("data-status"));

        var (_, detail) = await customer.OpenAsync(Support($"inquiries/{number}"));
        Assert.Equal("回答済み", detail.QuerySelector("dd.status")!.TextContent);
        Assert.Contains("明日出荷いたします。", detail.QuerySelector("li.from-staff")!.TextContent);
        var notice = await MailAsync("buyer@example.com", number, "回答しました");
        Assert.Contains($"/inquiries/{number}", notice.TextBody);
        Assert.StartsWith("株式会社サンプル商事\nご担当者 佐藤 花子 様\n\n", notice.TextBody);
        Assert.EndsWith(MailSignatureText.SendOnlyJa, (notice.TextBody ?? "").TrimEnd());

        // A customer is not staff, and cannot read someone else's inquiry.
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.OpenAsync(Support("staff/inquiries"))).Status);
        using var other = AppSession.New();
        await other.SignInAsync(Support("inquiries"), "operator@example.com", "Operator-2026");
        Assert.Equal(HttpStatusCode.NotFound, (await other.OpenAsync(Support($"inquiries/{number}"))).Status);
    }

    /// <summary>The mail about <paramref name="number"/> whose subject says <paramref name="what"/>, once the real SMTP server has it.</summary>
    private Task<MimeKit.MimeMessage> MailAsync(string to, string number, string what) =>
        Eventually.GetAsync(
            () => Task.FromResult(portal.Smtp.MessagesTo(to).FirstOrDefault(m => m.Subject?.Contains(number) == true && m.Subject.Contains(what))),
            $"a mail '{what}' about {number} to {to}");

    [Fact]
    public async Task Faq_IsGroupedByProduct_WithTheCustomersMachineFirst()
    {
        using var session = AppSession.New();
        var faq = await session.SignInAsync(Support("faq"), "buyer@example.com", "Buyer-2026");
        var groups = faq.QuerySelectorAll("section.faq h2").Select(h => h.TextContent).ToList();
        Assert.StartsWith("DM300c", groups[0]);
        Assert.Contains("（ご利用機器）", groups[0]);
        Assert.Contains("全機種共通", groups);
        Assert.Contains("印字がかすれます。", faq.QuerySelector("section.faq")!.TextContent);
    }
}
