using CustomerPortal.Identity.Mail;

namespace CustomerPortal.Identity.Staff.Theme;

/// <summary>
/// Every email of the configured theme rendered with sample values, so theme authors and staff
/// can see them without registering anyone.
/// </summary>
public static class EmailPreview
{
    public static readonly IReadOnlyDictionary<string, object?> SampleValues = new Dictionary<string, object?>
    {
        ["name"] = "山田 太郎",
        // The company the mail greets (what MailOutbox gives every mail to a user).
        [MailComposer.RecipientCompany] = "株式会社サンプル商事",
        ["company"] = "株式会社サンプル商事",
        ["department"] = "総務部",
        ["name_kana"] = "ヤマダ タロウ",
        ["family_name_kana"] = "ヤマダ",
        ["given_name_kana"] = "タロウ",
        ["email"] = "yamada@example.com",
        ["new_email"] = "taro.yamada@example.com",
        ["phone"] = "03-1234-5678",
        ["address"] = "〒100-0001 東京都千代田区千代田1-1 サンプルビル5F",
        ["postal_code"] = "100-0001",
        ["prefecture"] = "東京都",
        ["city"] = "千代田区",
        ["street"] = "千代田1-1",
        ["building"] = "サンプルビル5F",
        ["serial"] = "1234567",
        ["roles"] = new List<string> { "消耗品ご購入担当者" },
        ["language"] = "日本語",
        ["news_by_email"] = "希望する",
        ["news_by_phone"] = "希望しない",
        ["business_days"] = 3,
        ["review"] = true,
        ["stage"] = "active",
        ["link"] = "https://portal.example.com/account/link-preview",
        ["hours"] = 24,
        ["minutes"] = 30,
        ["failures"] = 5,
        ["change"] = "authenticator-on",
        ["codes_left"] = 9,
        ["security_url"] = "https://portal.example.com/account/security",
        ["sign_in_url"] = "https://portal.example.com/account/login",
        ["reset_url"] = "https://portal.example.com/account/forgot-password",
        ["reason"] = "ご入力のシリアルナンバーを確認できませんでした。",
    };

    public static IEndpointRouteBuilder MapEmailPreview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/staff/theme/emails/{language}/{template}.{part}", (string language, string template, string part, MailComposer composer) =>
        {
            if (language is not ("ja" or "en") || part is not ("html" or "txt") || !composer.Templates(language).Contains(template))
            {
                return Results.NotFound();
            }
            var mail = composer.Compose(template, language, SampleValues);
            return part == "html"
                ? Results.Content(mail.HtmlBody, "text/html; charset=utf-8")
                : Results.Text($"Subject: {mail.Subject}\n\n{mail.TextBody}", "text/plain; charset=utf-8");
        }).RequireAuthorization(StaffSetup.Policy);
        return endpoints;
    }
}
