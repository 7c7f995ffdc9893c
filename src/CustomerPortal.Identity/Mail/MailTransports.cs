using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerPortal.Identity.Mail;

/// <summary>Hands a finished message to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit, one connection per message (the volume is a few mails per registration).</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
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
public sealed class PickupFolderMailTransport(string folder, ILogger<PickupFolderMailTransport> logger) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("n")).Split('@')[0]}.eml";
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        logger.LogInformation("Mail written to {MailFile}", path);
    }
}
