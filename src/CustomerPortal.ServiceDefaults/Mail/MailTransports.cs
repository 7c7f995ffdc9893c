using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>Hands a finished message to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit, one connection per message (the volume is a few mails per registration or inquiry).</summary>
public sealed class SmtpMailTransport(SmtpOptions smtp) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Without SMTP (the quick start), each message becomes an .eml file that any mail program
/// opens, so a newcomer can follow the activation links locally.
/// </summary>
/// <param name="logLinks">
/// Development only: also log the mail's first link, so that a newcomer finishing a registration
/// locally finds it in the console. Never elsewhere: links are credentials and logs are not.
/// </param>
public sealed partial class PickupFolderMailTransport(string folder, ILogger<PickupFolderMailTransport> logger, bool logLinks = false) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("n")).Split('@')[0]}.eml";
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        if (logLinks && FirstLink().Match(message.TextBody ?? "") is { Success: true } link)
        {
            logger.LogInformation("Mail written to {MailFile}; its link: {MailLink}", path, link.Value);
        }
        else
        {
            logger.LogInformation("Mail written to {MailFile}", path);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial System.Text.RegularExpressions.Regex FirstLink();
}

public static class MailTransports
{
    /// <summary>SMTP when a host is configured, else .eml files in <paramref name="pickupFolder"/>.</summary>
    public static IMailTransport Create(SmtpOptions smtp, string pickupFolder, ILoggerFactory logs, bool logLinks = false) =>
        string.IsNullOrWhiteSpace(smtp.Host)
            ? new PickupFolderMailTransport(pickupFolder, logs.CreateLogger<PickupFolderMailTransport>(), logLinks)
            : new SmtpMailTransport(smtp);
}

/// <summary>Configuration section "Mail:Smtp", the same for the IdP and the support app.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None (plain, loopback only), StartTls (port 587) or Tls (port 465).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}
