using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>
/// The guide's sections 2–4 through the real pages: register → mail 1 → staff approves → mail 2 →
/// verify → mail 3 → set password → sign in → mail 4, with a real SMTP server receiving the mails.
/// </summary>
public sealed class RegistrationJourneyTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    private const string NewPassword = "Tanaka-2026";

    [Fact]
    public async Task Journey_InJapanese_FromSignUpToTheFourthMail()
    {
        var email = $"tanaka-{Guid.NewGuid():n}@example.com";
        using var customer = portal.CreateBrowser();

        // 2. 新規登録
        var form = await RegistrationPage.OpenAsync(customer, "ja");
        var registered = await customer.FollowAsync(await form.SubmitAsync(RegistrationPage.ValidInput(email)));
        var confirmation = await customer.ParseAsync(registered);
        Assert.Equal("/account/registered", new Uri(confirmation.Url).AbsolutePath);
        Assert.Contains("3営業日", confirmation.Body!.TextContent);

        // Mail 1: what was entered, never a password, about 3 business days.
        var first = (await portal.Smtp.WaitForAsync(email, 1))[0];
        Assert.Equal(MailPortalFactory.PortalNameJa, first.Subject);
        // To the company's contact, and signed by the portal with this deployment's desk.
        Assert.StartsWith("株式会社サンプル商事\nご担当者 田中 一郎 様\n\n", first.TextBody);
        Assert.Contains("<p>株式会社サンプル商事<br>ご担当者 田中 一郎 様</p>", first.HtmlBody);
        Assert.EndsWith(string.Join("\n",
            MailSignatureText.Rule,
            MailPortalFactory.PortalNameJa,
            PortalFactory.PublicOrigin,
            $"お問い合わせ先：{MailPortalFactory.ContactNameJa}（{MailPortalFactory.ContactEmail}）",
            MailSignatureText.SendOnlyJa + "\n"), first.TextBody);
        Assert.Contains($"<a href=\"{PortalFactory.PublicOrigin}\">{PortalFactory.PublicOrigin}</a>", first.HtmlBody);
        Assert.Contains(MailSignatureText.SendOnlyJa, first.HtmlBody);
        Assert.Contains("株式会社サンプル商事", first.TextBody);
        Assert.Contains("1234567", first.TextBody);
        Assert.Contains("消耗品ご購入担当者", first.TextBody);
        Assert.Contains("3営業日", first.TextBody);
        Assert.Contains("東京都", first.HtmlBody);
        Assert.DoesNotContain("パスワード:", first.TextBody);
        Assert.DoesNotContain("パスワード：", first.TextBody);

        // Staff approve it from the review queue.
        await ApproveAsync(email, grant: ["supplies-buyer", "equipment-operator"]);

        // Mail 2 (ステップ 1/3): verify the address.
        var second = (await portal.Smtp.WaitForAsync(email, 2))[1];
        Assert.Equal($"【{MailPortalFactory.PortalNameJa}】登録メールアドレスの認証依頼 - ステップ 1/3", second.Subject);
        var verifyPage = await customer.GetPageAsync(MailLinks.Find(second, "/account/verify-email"));
        var verified = await customer.ParseAsync(await customer.SubmitAsync(verifyPage, "form[method=post]"));
        Assert.NotNull(verified.QuerySelector(".alert-success"));

        // Mail 3 (ステップ 2/3): set the password under the policy.
        var third = (await portal.Smtp.WaitForAsync(email, 3))[2];
        Assert.Equal($"【{MailPortalFactory.PortalNameJa}】パスワードの設定 - ステップ 2/3", third.Subject);
        var setPasswordUrl = MailLinks.Find(third, "/account/set-password");
        var passwordPage = await customer.GetPageAsync(setPasswordUrl);
        Assert.NotNull(passwordPage.QuerySelector(".password-checklist"));
        var weak = await customer.ParseAsync(await customer.SubmitAsync(passwordPage, "form[method=post]",
            new Dictionary<string, string> { ["Password"] = "short", ["ConfirmPassword"] = "short" }));
        Assert.Contains("8文字以上20文字以下", weak.QuerySelector("#password-error")!.TextContent);
        var done = await customer.ParseAsync(await customer.SubmitAsync(weak, "form[method=post]",
            new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword }));
        Assert.NotNull(done.QuerySelector(".alert-success"));

        // Sign in → mail 4 (ステップ 3/3), once.
        await SignInAsync(customer, email);
        var fourth = (await portal.Smtp.WaitForAsync(email, 4))[3];
        Assert.Equal($"【{MailPortalFactory.PortalNameJa}】アクティベーションが完了しました - ステップ 3/3", fourth.Subject);
        using var again = portal.CreateBrowser();
        await SignInAsync(again, email);
        // A second sign-in queued nothing: the outbox holds the four, all delivered.
        Assert.Equal(4, (await portal.OutboxToAsync(email)).Count);
        Assert.Equal(4, portal.Smtp.MessagesTo(email).Count);

        // The granted roles (not the requested ones) reach the relying apps.
        var tokens = await OAuthClient.Web(again).SignInAsync((email, NewPassword));
        Assert.Equal(["equipment-operator", "supplies-buyer"], tokens.ReadIdToken().Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
    }

    [Fact]
    public async Task Journey_InEnglish_SendsEnglishMails()
    {
        var email = $"smith-{Guid.NewGuid():n}@example.com";
        using var customer = portal.CreateBrowser();
        var form = await RegistrationPage.OpenAsync(customer, "en");
        Assert.Equal("en", form.Document.DocumentElement.GetAttribute("lang"));
        var input = RegistrationPage.ValidInput(email);
        input["Input.Language"] = "en";
        input["Input.FamilyName"] = "Smith";
        input["Input.GivenName"] = "Jane";
        input["Input.FamilyNameKana"] = "";
        input["Input.GivenNameKana"] = "";
        input["Input.CompanyName"] = "Sample Shoji";
        await customer.FollowAsync(await form.SubmitAsync(input));

        // Before staff set the company up, the mail greets the company as the customer typed it.
        var first = (await portal.Smtp.WaitForAsync(email, 1))[0];
        Assert.Equal($"[{MailPortalFactory.PortalNameEn}] We received your registration", first.Subject);
        Assert.StartsWith("Sample Shoji\nDear Jane Smith,\n\n", first.TextBody);
        Assert.Contains("about 3 business days", first.TextBody);
        // The address as it is written in Japan, in one order and one script, as in the Japanese mail.
        Assert.Contains("Address: 〒100-0001 東京都千代田区千代田1-1 サンプルビル3F\n", first.TextBody);
        Assert.EndsWith(string.Join("\n",
            MailSignatureText.Rule,
            MailPortalFactory.PortalNameEn,
            PortalFactory.PublicOrigin,
            $"Contact: {MailPortalFactory.ContactNameEn} ({MailPortalFactory.ContactEmail})",
            MailSignatureText.SendOnlyEn + "\n"), first.TextBody);

        // Once approved into 株式会社サンプル商事, the company of record.
        await ApproveAsync(email, grant: ["supplies-buyer"]);
        var second = (await portal.Smtp.WaitForAsync(email, 2))[1];
        Assert.Equal($"[{MailPortalFactory.PortalNameEn}] Please verify your email address - Step 1/3", second.Subject);
        Assert.StartsWith("株式会社サンプル商事\nDear Jane Smith,\n\n", second.TextBody);
        var verifyPage = await customer.GetPageAsync(MailLinks.Find(second, "/account/verify-email"));
        await customer.SubmitAsync(verifyPage, "form[method=post]");
        var third = (await portal.Smtp.WaitForAsync(email, 3))[2];
        Assert.Equal($"[{MailPortalFactory.PortalNameEn}] Set your password - Step 2/3", third.Subject);
        var passwordPage = await customer.GetPageAsync(MailLinks.Find(third, "/account/set-password"));
        await customer.SubmitAsync(passwordPage, "form[method=post]",
            new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        await SignInAsync(customer, email);
        var fourth = (await portal.Smtp.WaitForAsync(email, 4))[3];
        Assert.Equal($"[{MailPortalFactory.PortalNameEn}] Your activation is complete - Step 3/3", fourth.Subject);
    }

    [Fact]
    public async Task Rejection_SendsTheReason()
    {
        var email = $"rejected-{Guid.NewGuid():n}@example.com";
        using var customer = portal.CreateBrowser();
        var form = await RegistrationPage.OpenAsync(customer);
        await customer.FollowAsync(await form.SubmitAsync(RegistrationPage.ValidInput(email)));
        await portal.Smtp.WaitForAsync(email, 1);

        using var staff = await StaffBrowserAsync();
        var review = await OpenReviewAsync(staff, email);
        await staff.SubmitAsync(review, "form.reject",
            new Dictionary<string, string> { ["Reason"] = "シリアルナンバーを確認できませんでした。" });

        var mail = (await portal.Smtp.WaitForAsync(email, 2))[1];
        Assert.Equal($"【{MailPortalFactory.PortalNameJa}】ご登録についてのお知らせ", mail.Subject);
        Assert.Contains("シリアルナンバーを確認できませんでした。", mail.TextBody);
        // Where to write with a question: the desk and its address, in the text and in the signature.
        var writeTo = $"{MailPortalFactory.ContactNameJa}（{MailPortalFactory.ContactEmail}）までご連絡ください。";
        Assert.Contains("ご不明な点がございましたら、" + writeTo, mail.TextBody);
        Assert.Contains(writeTo, mail.HtmlBody);
    }

    [Fact]
    public async Task SetPassword_ReportsEachBrokenRuleAndACommonPassword()
    {
        var (customer, setPasswordUrl) = await ReachSetPasswordAsync();
        using (customer)
        {
            var page = await customer.GetPageAsync(setPasswordUrl);
            foreach (var (password, expected) in new[]
            {
                ("abcdefg1", "大文字"),
                ("ABCDEFG1", "小文字"),
                ("Abcdefgh", "数字"),
                ("Abcdefg1 x", "「 」"),
                ("Abcdefg1_", "「_」"),
                ("Abcdefghijk123456789X", "20文字"),
                ("Password1", "推測されやすい"),
            })
            {
                var result = await customer.ParseAsync(await customer.SubmitAsync(page, "form[method=post]",
                    new Dictionary<string, string> { ["Password"] = password, ["ConfirmPassword"] = password }));
                var errors = result.QuerySelector("#password-error")?.TextContent ?? "";
                Assert.True(errors.Contains(expected), $"{password}: expected \"{expected}\" in \"{errors}\"");
            }
            // A refused password does not use the link up.
            Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(setPasswordUrl)).StatusCode);
        }
    }

    private async Task<(Browser Customer, string SetPasswordUrl)> ReachSetPasswordAsync()
    {
        var email = $"rules-{Guid.NewGuid():n}@example.com";
        var customer = portal.CreateBrowser();
        var form = await RegistrationPage.OpenAsync(customer);
        await customer.FollowAsync(await form.SubmitAsync(RegistrationPage.ValidInput(email)));
        await portal.Smtp.WaitForAsync(email, 1);
        await ApproveAsync(email, grant: ["supplies-buyer"]);
        var verifyPage = await customer.GetPageAsync(MailLinks.Find((await portal.Smtp.WaitForAsync(email, 2))[1], "/account/verify-email"));
        await customer.SubmitAsync(verifyPage, "form[method=post]");
        return (customer, MailLinks.Find((await portal.Smtp.WaitForAsync(email, 3))[2], "/account/set-password"));
    }

    private async Task ApproveAsync(string email, string[] grant)
    {
        using var staff = await StaffBrowserAsync();
        var review = await OpenReviewAsync(staff, email);
        Assert.Contains("消耗品ご購入担当者", review.QuerySelector(".requested-roles")!.TextContent);
        var approved = await staff.SubmitAsync(review, "form.approve", new Dictionary<string, string>
        {
            ["GrantedRoles"] = string.Join('\n', grant),
            ["CompanyChoice"] = "C0001",
        });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
    }

    private async Task<AngleSharp.Dom.IDocument> OpenReviewAsync(Browser staff, string email)
    {
        var queue = await staff.GetPageAsync("/staff/registrations");
        var row = queue.QuerySelectorAll("table.queue tbody tr").Single(r => r.TextContent.Contains(email));
        return await staff.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
    }

    private async Task<Browser> StaffBrowserAsync()
    {
        var staff = portal.CreateBrowser();
        await SignInAsync(staff, Accounts.Staff.Email, Accounts.Staff.Password);
        return staff;
    }

    private static async Task SignInAsync(Browser browser, string email, string password = NewPassword)
    {
        var login = await LoginPage.OpenAsync(browser);
        var response = await login.SubmitAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail($"sign-in of {email} failed: {(await LoginPage.FromAsync(browser, response)).Alert}");
        }
    }
}
