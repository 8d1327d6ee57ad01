package cn.gov.shuozhou.makerspace.mail;

/** The mail could not be handed to the mail server: the caller's step is not done (HTTP 503). */
public class MailUnavailableException extends RuntimeException {

  public MailUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
