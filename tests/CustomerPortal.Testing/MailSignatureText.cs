namespace CustomerPortal.Testing;

/// <summary>The words of the signature every mail of the portal ends with, as the base theme writes them.</summary>
public static class MailSignatureText
{
    public const string Rule = "----------------------------------------";

    public const string SendOnlyJa = "※本メールは送信専用のアドレスからお送りしています。"
        + "ご返信いただいてもお答えできませんので、ご了承ください。";

    public const string SendOnlyEn = "This email was sent from a send-only address. Please do not reply to it; replies cannot be answered.";

    /// <summary>The desk as the brand theme names it, with the guide's address.</summary>
    public const string BrandContactJa = "お問い合わせ先：ピツニーボウズジャパン株式会社 "
        + "カスタマーポータル登録窓口（CP_Reg@pb.com）";

    public const string BaseContactJa = "お問い合わせ先：カスタマーポータル登録窓口（CP_Reg@pb.com）";
}
