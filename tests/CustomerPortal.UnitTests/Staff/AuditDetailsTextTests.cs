using System.Globalization;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Staff.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPortal.UnitTests.Staff;

/// <summary>
/// The audit page shows the values of the portal's lists in the staff member's language: the details
/// as the code writes them (Registrations, UserAdministration, AccountLifecycle, SignInCompletion,
/// the maintenance page) come out through the bundle, with no enum or role name left.
/// </summary>
public sealed class AuditDetailsTextTests
{
    private static readonly MessageBundle Bundle = new(
        Options.Create(new ThemeOptions { Path = Path.Combine(RepositoryRoot.Path, "themes") }),
        new Environment(), new ConfigurationBuilder().Build());

    [Theory]
    [InlineData(AuditEventType.Registered, "serial check: NotGiven", "ja", "シリアルナンバー：未入力")]
    [InlineData(AuditEventType.Registered, "serial check: BoundToOtherCompany", "en", "Serial number: Bound to another company")]
    [InlineData(AuditEventType.ActivationMailResent, "SetPassword", "ja", "再送したメール：パスワードの設定")]
    [InlineData(AuditEventType.RolesChanged, "+[supplies-buyer, equipment-operator] -[]", "ja",
        "追加：消耗品ご購入担当者、実際に機器をご利用される責任者／削除：なし")]
    [InlineData(AuditEventType.RolesChanged, "+[] -[staff]", "en", "Added: none; removed: Staff")]
    [InlineData(AuditEventType.Approved, "staff@example.com: supplies-buyer; company C0001", "ja",
        "承認者：staff@example.com／役割：消耗品ご購入担当者／法人コード：C0001")]
    [InlineData(AuditEventType.Approved, "staff@example.com: supplies-buyer; company C0001, chosen over the serial's company", "ja",
        "承認者：staff@example.com／役割：消耗品ご購入担当者／法人コード：C0001"
        + "（シリアルナンバーの機器とは別の法人で承認）")]
    [InlineData(AuditEventType.SignInSucceeded, "pwd otp mfa", "ja", "パスワード、認証アプリのコード、2段階認証")]
    [InlineData(AuditEventType.MaintenanceChanged, "on", "ja", "メンテナンスモードを開始")]
    public void KnownDetails_AreShownInThePagesLanguage(AuditEventType type, string details, string language, string shown)
    {
        Assert.Equal(shown, Describe(type, details, language));
    }

    [Theory]
    [InlineData(AuditEventType.SignInFailed, "password: cannot sign in")]
    [InlineData(AuditEventType.SignInSucceeded, "pwd something-new")] // a method the bundle does not know yet: as stored, not half translated
    [InlineData(AuditEventType.ActivationMailResent, "42")]
    [InlineData(AuditEventType.Registered, "serial check: Somewhere")]
    public void OtherDetails_AreShownAsStored(AuditEventType type, string details)
    {
        Assert.Equal(details, Describe(type, details, "ja"));
    }

    private static string Describe(AuditEventType type, string details, string language)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return AuditDetailsText.Describe(new AuditEvent { Type = type, Details = details }, Bundle);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "CustomerPortal.UnitTests";
        public string ContentRootPath { get; set; } = RepositoryRoot.Path;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
