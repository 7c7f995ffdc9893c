using System.Net.Sockets;
using CustomerPortal.ServiceDefaults.Mail;
using MailKit.Net.Smtp;
using MimeKit;

namespace CustomerPortal.UnitTests.Mail;

/// <summary>
/// Which delivery failures end a mail at once: a 5xx refusal of the recipient or the message. Everything else is
/// retried until Mail:GiveUpAfter, because it passes (the server is down, slow, busy or greylisting) or the operator fixes it.
/// </summary>
public sealed class FailureClassificationTests
{
    private static readonly MailboxAddress Recipient = MailboxAddress.Parse("someone@example.com");

    [Theory]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, true)]       // 550 no such user
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, true)]    // 553
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ExceededStorageAllocation, true)]  // 552 too big
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, false)]             // 450 greylisting
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.InsufficientStorage, false)]     // 452 mailbox full
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ErrorInProcessing, false)]         // 451
    [InlineData(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, false)]         // our configuration, not the recipient
    [InlineData(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.ServiceNotAvailable, false)]     // 421
    public void SmtpReplies(SmtpErrorCode code, SmtpStatusCode status, bool permanent)
    {
        Assert.Equal(permanent, MailDelivery.IsPermanent(new SmtpCommandException(code, status, Recipient, "reason")));
    }

    [Fact]
    public void ConnectionFailures_AreTransient()
    {
        Assert.False(MailDelivery.IsPermanent(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.False(MailDelivery.IsPermanent(new TimeoutException()));
        Assert.False(MailDelivery.IsPermanent(new IOException("reset")));
        Assert.False(MailDelivery.IsPermanent(new SmtpProtocolException("closed")));
    }
}
